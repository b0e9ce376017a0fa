import { describe, expect, it } from "vitest";
import { isInSection } from "@/lib/domain/navigation/active-section";

describe("isInSection", () => {
  it("marks the exact page and the pages below it", () => {
    expect(isInSection("/orga/eleves", "/orga/eleves")).toBe(true);
    expect(isInSection("/orga/equipe/", "/orga/equipe")).toBe(true);
    expect(isInSection("/mon-compte/export", "/mon-compte")).toBe(true);
  });
  it("does not mark a section whose name only starts the same way", () => {
    expect(isInSection("/orga/elevesx", "/orga/eleves")).toBe(false);
    expect(isInSection("/competencesx", "/competences")).toBe(false);
  });
  it("keeps the home entries to their own page and what they own", () => {
    expect(isInSection("/orga", "/orga", ["/orga/campagnes"])).toBe(true);
    expect(isInSection("/orga/campagnes/12/resultats", "/orga", ["/orga/campagnes"])).toBe(true);
    expect(isInSection("/orga/eleves", "/orga", ["/orga/campagnes"])).toBe(false);
    expect(isInSection("/competences", "/")).toBe(false);
  });
});
