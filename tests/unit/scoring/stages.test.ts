import { describe, expect, it } from "vitest";
import { masteryPercent } from "@/lib/domain/scoring/mastery";
import {
  MASTERY_BANDS,
  masteryBandsOf,
  masteryBand,
  reachedStage,
  reachedStageIndex,
  stars,
  type Stage,
} from "@/lib/domain/scoring/stages";

function stage(threshold: number): Stage {
  return {
    threshold,
    title: `Palier ${threshold}`,
    message: `Message ${threshold}`,
    prescriberTitle: `Titre ${threshold}`,
    prescriberDescription: `Description ${threshold}`,
  };
}

describe("stages and stars", () => {
  it("gives 0 to 3 stars out of 3 on the guide's bands, at every boundary", () => {
    const cases: Array<[number, number]> = [
      [0, 0], [20, 0], [21, 1], [50, 1], [51, 2], [80, 2], [81, 3], [100, 3],
    ];
    for (const [percent, reached] of cases) {
      expect(stars(MASTERY_BANDS, percent), `${percent} %`).toEqual({ reached, total: 3 });
    }
  });

  it("reaches a stage when its threshold is lower or equal, whatever the input order", () => {
    const stages = [stage(60), stage(0), stage(80), stage(20), stage(40)];
    expect(reachedStage(stages, 39)?.threshold).toBe(20);
    expect(reachedStage(stages, 40)?.threshold).toBe(40);
    expect(reachedStage(stages, 100)?.threshold).toBe(80);
    expect(stars(stages, 59)).toEqual({ reached: 2, total: 4 });
    expect(stars(stages, 0)).toEqual({ reached: 0, total: 4 });
  });

  it("always reaches the zero stage, and treats the lowest stage as such", () => {
    expect(reachedStage([stage(0), stage(50)], 0)?.threshold).toBe(0);
    expect(reachedStageIndex([stage(10), stage(50)], 5)).toBe(0);
  });

  it("has no stage and no star without stages", () => {
    expect(reachedStage([], 70)).toBeNull();
    expect(stars([], 70)).toEqual({ reached: 0, total: 0 });
  });

  it("refuses a rate given instead of a percentage out of range", () => {
    expect(() => stars(MASTERY_BANDS, 101)).toThrow(RangeError);
    expect(() => stars(MASTERY_BANDS, -1)).toThrow(RangeError);
    expect(() => stars([], Number.NaN)).toThrow(RangeError);
  });

  it("agrees with the displayed percentage: 20.5 % is shown 21 % and earns a star", () => {
    const shown = masteryPercent(41, 200);
    expect(shown).toBe(21);
    expect(stars(MASTERY_BANDS, shown).reached).toBe(1);
  });
});

describe("mastery bands of the teachers' guide", () => {
  it("keep the guide's names, with guidance in our own words and no school level", () => {
    expect(MASTERY_BANDS.map((band) => [band.rangeLabel, band.prescriberTitle])).toEqual([
      ["de 0 à 20 %", "maîtrise insuffisante"],
      ["de 21 à 50 %", "maîtrise fragile"],
      ["de 51 à 80 %", "maîtrise satisfaisante"],
      ["de 81 à 100 %", "très bonne maîtrise"],
    ]);
    for (const band of MASTERY_BANDS) {
      expect(band.prescriberDescription).not.toMatch(/niveau d'enseignement|plateforme|Pix/);
      expect(band.guidance.length).toBeGreaterThan(0);
    }
  });

  it("take the campaign parcours' own texts when its stages are the four bands", () => {
    const own = [0, 21, 51, 81].map((threshold) => ({ threshold, prescriberDescription: `Texte ${threshold}.\nSuite ${threshold}.` }));
    expect(masteryBandsOf(own).map((b) => b.guidance)).toEqual([0, 21, 51, 81].map((t) => [`Texte ${t}.`, `Suite ${t}.`]));
    expect(masteryBandsOf(own)[2].prescriberTitle).toBe("maîtrise satisfaisante");
    expect(masteryBandsOf([{ threshold: 0, prescriberDescription: "x" }, { threshold: 50, prescriberDescription: "y" }])).toBe(MASTERY_BANDS);
  });

  it("cover 0..100 without gap", () => {
    for (let percent = 0; percent <= 100; percent++) {
      const band = masteryBand(percent);
      expect(band.threshold <= percent && percent <= band.upTo, `${percent}`).toBe(true);
    }
  });
});
