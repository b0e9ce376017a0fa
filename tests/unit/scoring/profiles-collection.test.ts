import { describe, expect, it } from "vitest";
import { certifiablePercent, competenceLevelDistributions, profileCompetenceRows } from "@/lib/domain/scoring/profiles-collection";

describe("profiles collection: level distribution per competence (Analyse)", () => {
  const competences = [{ id: "c1" }, { id: "c2" }, { id: "c3" }];

  it("derives level 0 from the profiles counted: a competence missing from a profile is level 0", () => {
    // 10 profiles: in c1, 2 have some pix under 8 (level 0 rows), 5 are level 1, 1 is level 3; 2 have nothing in c1.
    const [c1, c2, c3] = competenceLevelDistributions(
      competences,
      [
        { competenceId: "c1", level: 0, participantsCount: 2, pixSum: 9 },
        { competenceId: "c1", level: 1, participantsCount: 5, pixSum: 45 },
        { competenceId: "c1", level: 3, participantsCount: 1, pixSum: 27 },
        { competenceId: "c2", level: 5, participantsCount: 10, pixSum: 400 },
      ],
      10,
    );
    expect(c1.countsByLevel).toEqual([4, 5, 0, 1, 0, 0]);
    expect(c1.averageLevel).toBeCloseTo((5 * 1 + 1 * 3) / 10);
    expect(c1.averagePix).toBeCloseTo((9 + 45 + 27) / 10);
    expect(c1.atLeastLevelOne).toBe(6);
    expect(c2.countsByLevel).toEqual([0, 0, 0, 0, 0, 10]);
    expect(c3.countsByLevel).toEqual([10, 0, 0, 0, 0, 0]);
    expect(c3.averageLevel).toBe(0);
  });

  it("shares always add up to the profiles counted", () => {
    const [c1] = competenceLevelDistributions(competences, [{ competenceId: "c1", level: 2, participantsCount: 3, pixSum: 48 }], 7);
    expect(c1.countsByLevel.reduce((a, b) => a + b, 0)).toBe(7);
  });

  it("has no average without any profile", () => {
    const [c1] = competenceLevelDistributions(competences, [], 0);
    expect(c1.countsByLevel).toEqual([0, 0, 0, 0, 0, 0]);
    expect(c1.averageLevel).toBeNull();
    expect(c1.averagePix).toBeNull();
  });

  it("counts a level above today's reachable maximum at the maximum (a cap raised since the sharing)", () => {
    const [c1] = competenceLevelDistributions(competences, [{ competenceId: "c1", level: 7, participantsCount: 1, pixSum: 56 }], 1);
    expect(c1.countsByLevel).toEqual([0, 0, 0, 0, 0, 1]);
  });
});

describe("profiles collection: one pupil's profile (detail page)", () => {
  it("lists every competence of the framework, with its level from the pix kept at sharing", () => {
    const rows = profileCompetenceRows([{ id: "c1" }, { id: "c2" }, { id: "c3" }], { c1: 17, c3: 40 });
    expect(rows).toEqual([
      { competenceId: "c1", pix: 17, level: 2 },
      { competenceId: "c2", pix: 0, level: 0 },
      { competenceId: "c3", pix: 40, level: 5 },
    ]);
  });
});

describe("profiles collection: share of certifiable pupils (Activité)", () => {
  it("is a whole percentage of the profiles received, rounded half up", () => {
    expect(certifiablePercent(1, 3)).toBe(33);
    expect(certifiablePercent(1, 8)).toBe(13);
    expect(certifiablePercent(0, 0)).toBeNull();
  });
});
