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
    // The icon and the footer's pages are the same on both hosts; "/aide" is the teachers' help there.
    expect(orgaRewritePath("orga.example.fr", "/icon.svg", orga)).toBeNull();
    expect(orgaRewritePath("orga.example.fr", "/favicon.ico", orga)).toBeNull();
    expect(orgaRewritePath("orga.example.fr", "/mentions-legales", orga)).toBeNull();
    expect(orgaRewritePath("orga.example.fr", "/donnees-personnelles", orga)).toBeNull();
    expect(orgaRewritePath("orga.example.fr", "/accessibilite", orga)).toBeNull();
    expect(orgaRewritePath("orga.example.fr", "/aide", orga)).toBe("/orga/aide");
    expect(orgaRewritePath("orga.example.fr", "/equipe", undefined)).toBeNull();
  });
});
