import { describe, expect, it } from "vitest";
import { competenceCollectiveResults, competenceCounts } from "@/lib/domain/analysis/competence-results";

describe("competence results", () => {
  const competences = [
    { competenceId: "c1", targetedCount: 10 },
    { competenceId: "c2", targetedCount: 4 },
    { competenceId: "c3", targetedCount: 3 },
  ];

  it("averages validated skills over the shared participants, as a % of the targeted ones", () => {
    const results = competenceCollectiveResults(competences, new Map([["c1", 15], ["c3", 1]]), 3);
    expect(results).toEqual([
      { competenceId: "c1", targetedCount: 10, averageValidatedSkills: 5, masteryPercent: 50 },
      { competenceId: "c2", targetedCount: 4, averageValidatedSkills: 0, masteryPercent: 0 },
      // 1/3 skill on average out of 3: 11.1 %
      { competenceId: "c3", targetedCount: 3, averageValidatedSkills: 1 / 3, masteryPercent: 11 },
    ]);
  });

  it("has nothing to show without shared participants", () => {
    expect(competenceCollectiveResults(competences, new Map(), 0)[0]).toEqual({
      competenceId: "c1",
      targetedCount: 10,
      averageValidatedSkills: null,
      masteryPercent: null,
    });
  });

  it("adds a participant's tube rows per competence", () => {
    const rows = [
      { competenceId: "c1", targetedCount: 4, validatedCount: 2 },
      { competenceId: "c2", targetedCount: 3, validatedCount: 0 },
      { competenceId: "c1", targetedCount: 2, validatedCount: 2 },
    ];
    expect(competenceCounts(rows)).toEqual([
      { competenceId: "c1", targetedCount: 6, validatedCount: 4 },
      { competenceId: "c2", targetedCount: 3, validatedCount: 0 },
    ]);
  });
});
