import { describe, expect, it } from "vitest";
import { orgaRewritePath } from "@/lib/domain/navigation/orga-host";

describe("orgaRewritePath", () => {
  const orga = "https://orga.example.fr";
  it("maps the teacher host to the /orga area", () => {
    expect(orgaRewritePath("orga.example.fr", "/", orga)).toBe("/orga");
    expect(orgaRewritePath("orga.example.fr", "/equipe", orga)).toBe("/orga/equipe");
  });
  it("leaves shared paths, other hosts and unset configuration alone", () => {
    expect(orgaRewritePath("orga.example.fr", "/orga/equipe", orga)).toBeNull();
    expect(orgaRewritePath("orga.example.fr", "/api/health", orga)).toBeNull();
    // The parcours documentation, linked from the campaign form, is the same page on both hosts.
    expect(orgaRewritePath("orga.example.fr", "/parcours/tp-snt", orga)).toBeNull();
    expect(orgaRewritePath("app.example.fr", "/equipe", orga)).toBeNull();
    expect(orgaRewritePath("orga.example.fr", "/equipe", undefined)).toBeNull();
  });
});
