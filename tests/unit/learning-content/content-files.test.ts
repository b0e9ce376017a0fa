import { describe, expect, it } from "vitest";
import { readContentFiles } from "@/lib/content-source/read-content-files";
import { validateContent } from "@/lib/domain/learning-content/validate-content";
import { computeContentStats } from "@/lib/domain/learning-content/content-stats";

/** The real content files of the repository: valid, and as big as the product needs. */
describe("learning content files", () => {
  const { raw, mediaExists } = readContentFiles();
  const { content, problems } = validateContent(raw, mediaExists);

  it("have no problem (schemas, ids, levels, solutions, media, parcours)", () => {
    expect(problems).toEqual([]);
  });

  it("cover the framework at the promised size", () => {
    expect(content).not.toBeNull();
    const stats = computeContentStats(content!);
    console.log("Couverture du contenu :", JSON.stringify(stats));
    expect(stats.areas).toBe(5);
    expect(stats.competences).toBe(16);
    expect(stats.minTubesPerCompetence).toBeGreaterThanOrEqual(4);
    expect(stats.tubes).toBeGreaterThanOrEqual(64);
    expect(stats.skills).toBeGreaterThanOrEqual(300);
    expect(stats.challenges).toBeGreaterThanOrEqual(600);
    expect(stats.tutorials).toBeGreaterThanOrEqual(150);
    for (const type of ["QCU", "QCM", "QROC", "QROCM-ind", "QROCM-dep"]) expect(stats.challengesByType[type]).toBeGreaterThan(0);
    expect(stats.timedChallenges).toBeGreaterThan(0);
    expect(stats.challengesWithMedia).toBeGreaterThan(0);
  });

  it("every tube has 3 to 7 contiguous levels and every skill a challenge and a tutorial", () => {
    for (const competence of content!.competences) {
      for (const tube of competence.tubes) {
        expect(tube.skills.length).toBeGreaterThanOrEqual(3);
        expect(tube.skills.length).toBeLessThanOrEqual(7);
        tube.skills.forEach((skill, i) => {
          expect(skill.level).toBe(i + 1);
          expect(skill.challenges.length).toBeGreaterThan(0);
          expect(skill.tutorialIds.length).toBeGreaterThan(0);
        });
      }
    }
  });

  it("offers the parcours teachers need, each with the four mastery bands", () => {
    const names = content!.targetProfiles.map((p) => p.name);
    for (const name of ["Parcours de rentrée 5e", "Parcours de rentrée 4e", "Parcours de rentrée 3e", "Parcours de rentrée 2nde", "Parcours de rentrée 1ère", "Parcours de rentrée Terminale", "Parcours de rentrée Post-bac", "SNT", "EMI Lycée"]) {
      expect(names).toContain(name);
    }
    expect(content!.targetProfiles.filter((p) => p.category === "COMPETENCES")).toHaveLength(16);
    for (const profile of content!.targetProfiles) {
      expect(profile.stages.map((s) => s.threshold)).toEqual([0, 21, 51, 81]);
    }
  });
});
