import { describe, expect, it } from "vitest";
import { summarizeTube, summarizeTubes, tubeMaxLevel, validatedByCompetence, type CampaignSkill } from "@/lib/domain/scoring/tube-summary";

const tube = [1, 2, 3, 4].map((level) => ({ id: `t${level}`, level }));

describe("tube summary", () => {
  it("counts, highest validated and lowest not validated", () => {
    expect(summarizeTube(tube, new Set(["t1", "t2"]))).toEqual({
      targetedCount: 4,
      validatedCount: 2,
      highestValidated: 2,
      lowestNotValidated: 3,
    });
  });

  it("has 0 as highest validated when nothing is validated", () => {
    expect(summarizeTube(tube, new Set(["elsewhere"]))).toEqual({
      targetedCount: 4,
      validatedCount: 0,
      highestValidated: 0,
      lowestNotValidated: 1,
    });
  });

  it("uses the tube's max level as lowest not validated when all are validated", () => {
    expect(summarizeTube(tube, new Set(["t1", "t2", "t3", "t4"]))).toEqual({
      targetedCount: 4,
      validatedCount: 4,
      highestValidated: 4,
      lowestNotValidated: 4,
    });
  });

  it("works on the campaign's levels only, gaps and holes included", () => {
    const capped = [2, 3, 5].map((level) => ({ id: `s${level}`, level }));
    expect(summarizeTube(capped, new Set(["s2", "s5"]))).toEqual({
      targetedCount: 3,
      validatedCount: 2,
      highestValidated: 5,
      lowestNotValidated: 3,
    });
    expect(tubeMaxLevel(capped)).toBe(5);
  });

  it("refuses an empty tube", () => {
    expect(() => summarizeTube([], new Set())).toThrow();
  });

  it("gives one row per tube of the campaign", () => {
    const skills: CampaignSkill[] = [
      { id: "a1", level: 1, tubeId: "a", competenceId: "c1" },
      { id: "b2", level: 2, tubeId: "b", competenceId: "c2" },
      { id: "a2", level: 2, tubeId: "a", competenceId: "c1" },
    ];
    expect(summarizeTubes(skills, new Set(["a1", "b2"]))).toEqual([
      { tubeId: "a", competenceId: "c1", targetedCount: 2, validatedCount: 1, highestValidated: 1, lowestNotValidated: 2 },
      { tubeId: "b", competenceId: "c2", targetedCount: 1, validatedCount: 1, highestValidated: 2, lowestNotValidated: 2 },
    ]);
  });
});

describe("validated skills per competence (the export's per-competence columns)", () => {
  it("adds up the tubes of each competence, keeping competences with nothing validated", () => {
    const row = (tubeId: string, competenceId: string, validatedCount: number) => ({ tubeId, competenceId, targetedCount: 4, validatedCount, highestValidated: validatedCount, lowestNotValidated: validatedCount + 1 });
    expect(validatedByCompetence([row("t1", "comp-1-1", 2), row("t2", "comp-1-1", 3), row("t3", "comp-4-1", 0)])).toEqual({ "comp-1-1": 5, "comp-4-1": 0 });
    expect(validatedByCompetence([])).toEqual({});
  });
});
