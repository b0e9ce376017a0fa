import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parcoursCatalogue, parcoursDocumentation } from "@/lib/db/queries/parcours-documentation";

describe("public documentation of the parcours", () => {
  it("lists a parcours' subjects with their competence and levels, its bands and its size", async () => {
    const doc = (await parcoursDocumentation("tp-rentree-4e"))!;
    expect(doc.name).toBe("Parcours de rentrée 4e");
    expect(doc.establishmentKinds).toEqual(["COLLEGE"]);
    expect(doc.subjects).toHaveLength(16);
    expect(doc.subjects.every((s) => s.maxLevel === 3 && s.title.length > 0 && /^\d\.\d$/.test(s.competence.index))).toBe(true);
    expect(doc.skillCount).toBe(48);
    expect(doc.stages.map((s) => s.threshold)).toEqual([0, 21, 51, 81]);
    expect(doc.stages[1].prescriberDescription).toContain("en début de 4e");
  });

  it("shows nothing of a retired or unknown parcours, and the catalogue only the offered ones", async () => {
    await db.targetProfile.update({ where: { id: "tp-snt-web" }, data: { retiredAt: new Date() } });
    try {
      expect(await parcoursDocumentation("tp-snt-web")).toBeNull();
      expect(await parcoursDocumentation("tp-n-existe-pas")).toBeNull();
      expect((await parcoursCatalogue()).map((p) => p.id)).not.toContain("tp-snt-web");
    } finally {
      await db.targetProfile.update({ where: { id: "tp-snt-web" }, data: { retiredAt: null } });
    }
  });
});
