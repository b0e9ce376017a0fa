import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageTubeRelevance,
  compareRelevance,
  participantTubeScore,
  relevanceLevel,
  relevanceSums,
  sortByRelevance,
  type TubeShape,
} from "@/lib/domain/analysis/tube-relevance";
import { summarizeTube } from "@/lib/domain/scoring/tube-summary";

// A tube of levels 1..4 (M = 4, |S| = 4) in a campaign whose hardest skill is level 6 (L = 6).
const tubeSkills = [1, 2, 3, 4].map((level) => ({ id: `s${level}`, level }));
const shape: TubeShape = { targetedCount: 4, tubeMaxLevel: 4, campaignMaxLevel: 6 };
const summaryOf = (...ids: string[]) => summarizeTube(tubeSkills, new Set(ids));

describe("tube relevance, per participant (worked by hand)", () => {
  it("levels 1 and 2 validated: 40·2/4 + 30·4/6 + 20·2/4 + 10·2/3 = 56.67", () => {
    expect(participantTubeScore(shape, summaryOf("s1", "s2"))).toBeCloseTo(20 + 20 + 10 + 20 / 3, 10);
  });

  it("nothing validated: only the difficulty term, 30·4/6 = 20", () => {
    expect(participantTubeScore(shape, summaryOf())).toBeCloseTo(20, 10);
    expect(participantTubeScore(shape, null)).toBeCloseTo(20, 10);
  });

  it("everything validated: 40 + 20 + 20 + 10·4/4 = 90", () => {
    expect(participantTubeScore(shape, summaryOf("s1", "s2", "s3", "s4"))).toBeCloseTo(90, 10);
  });

  it("refuses a tube harder than the campaign", () => {
    expect(() => participantTubeScore({ targetedCount: 2, tubeMaxLevel: 5, campaignMaxLevel: 4 }, null)).toThrow(RangeError);
  });
});

describe("tube relevance, over the shared participants", () => {
  const withData = [summaryOf("s1", "s2"), summaryOf(), summaryOf("s1", "s2", "s3", "s4")];

  it("averages with participants without data counted as nothing validated", () => {
    // (56.67 + 20 + 90 + 20) / 4 = 46.67, and from sums: 40·6/16 + 20 + 20·6/16 + 10·(2/3 + 1)/4
    const sums = relevanceSums(withData, 4);
    expect(sums).toEqual({
      participantsCount: 4,
      highestValidatedSum: 6,
      validatedCountSum: 6,
      highestOverLowestNotValidatedSum: 2 / 3 + 1,
    });
    expect(averageTubeRelevance(shape, sums)).toBeCloseTo((20 + 20 + 10 + 20 / 3 + 20 + 90 + 20) / 4, 10);
    expect(averageTubeRelevance(shape, sums)).toBeCloseTo(15 + 20 + 7.5 + 25 / 6, 10);
  });

  it("has no score without shared participants", () => {
    expect(averageTubeRelevance(shape, relevanceSums([], 0))).toBeNull();
  });

  it("refuses fewer participants than rows", () => {
    expect(() => relevanceSums(withData, 2)).toThrow(RangeError);
  });

  it("aggregate = mean of the per-participant scores (property)", () => {
    const campaign = fc
      .record({
        levels: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 8 }),
        extraLevel: fc.integer({ min: 0, max: 8 }),
        participants: fc.array(fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), { maxLength: 30 }),
        absent: fc.integer({ min: 0, max: 10 }),
      })
      .filter(({ participants, absent }) => participants.length + absent > 0);
    fc.assert(
      fc.property(campaign, ({ levels, extraLevel, participants, absent }) => {
        const skills = levels.map((level) => ({ id: `s${level}`, level }));
        const maxLevel = Math.max(...levels);
        const tubeShape = { targetedCount: skills.length, tubeMaxLevel: maxLevel, campaignMaxLevel: Math.max(maxLevel, extraLevel) };
        const summaries = participants.map((flags) => summarizeTube(skills, new Set(skills.filter((_, i) => flags[i]).map((s) => s.id))));
        const scores = [...summaries.map((s) => participantTubeScore(tubeShape, s)), ...Array(absent).fill(participantTubeScore(tubeShape, null))];
        const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
        const aggregate = averageTubeRelevance(tubeShape, relevanceSums(summaries, summaries.length + absent));
        expect(aggregate).toBeCloseTo(mean, 9);
      }),
    );
  });
});

describe("relevance buckets and order", () => {
  it("has four buckets at 25, 50 and 75 (bounds included below)", () => {
    const cases: Array<[number, string, number]> = [
      [0, "Très recommandé", 4],
      [25, "Très recommandé", 4],
      [25.01, "Fortement recommandé", 3],
      [50, "Fortement recommandé", 3],
      [50.01, "Recommandé", 2],
      [75, "Recommandé", 2],
      [75.01, "Assez recommandé", 1],
      [100, "Assez recommandé", 1],
    ];
    for (const [score, label, bubbles] of cases) expect(relevanceLevel(score), `${score}`).toEqual({ label, bubbles });
  });

  it("sorts the most relevant (lowest score) first, unscored last, ties kept or broken", () => {
    const tubes = [
      { title: "Tableur", score: 60 },
      { title: "Courriel", score: null },
      { title: "Mots-clés", score: 20 },
      { title: "Adresse IP", score: 20 },
    ];
    expect(sortByRelevance(tubes, (t) => t.score).map((t) => t.title)).toEqual(["Mots-clés", "Adresse IP", "Tableur", "Courriel"]);
    expect(sortByRelevance(tubes, (t) => t.score, (a, b) => a.title.localeCompare(b.title, "fr")).map((t) => t.title)).toEqual([
      "Adresse IP",
      "Mots-clés",
      "Tableur",
      "Courriel",
    ]);
    expect(compareRelevance(null, null)).toBe(0);
  });
});
