import { describe, expect, it } from "vitest";
import { countDistribution, medianCount } from "@/lib/domain/assessment/count-distribution";
import { ENGINE_PARAMETERS, type EngineParameters } from "@/lib/domain/assessment/engine-parameters";
import { countMoments, masteryPosterior, posteriorState, type Observation } from "@/lib/domain/assessment/mastery-posterior";
import { tube } from "../../support/engine-builders";

const parameters: EngineParameters = { ...ENGINE_PARAMETERS, version: "test", source: "test" };
const ok = (skillId: string): Observation => ({ skillId, isSuccess: true });
const ko = (skillId: string): Observation => ({ skillId, isSuccess: false });

describe("countDistribution: the exact posterior law of the mastered count", () => {
  const targetSkills = [...tube("a", 3), ...tube("b", [2, 4]), ...tube("c", [1])];

  it("is a probability law whose mean and variance are the posterior's", () => {
    for (const observations of [[], [ok("a-2"), ko("b-4")], [ko("a-1"), ok("a-3"), ok("c-1")]]) {
      const state = posteriorState({ targetSkills, observations, parameters });
      const law = countDistribution(state);
      expect(law).toHaveLength(targetSkills.length + 1);
      const total = law.reduce((a, b) => a + b, 0);
      const mean = law.reduce((sum, p, c) => sum + p * c, 0);
      const second = law.reduce((sum, p, c) => sum + p * c * c, 0);
      const moments = countMoments(state);
      expect(total).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(moments.mean, 10);
      expect(second - mean * mean).toBeCloseTo(moments.variance, 10);
    }
  });

  it("matches enumeration of the tube states given θ on a single tube", () => {
    // One tube: the count is the tube's state, so its law is the state probabilities mixed over θ.
    const state = posteriorState({ targetSkills: tube("a", 3), observations: [ok("a-2")], parameters });
    const expected = new Float64Array(4);
    state.weights.forEach((w, g) => {
      for (let k = 0; k < 4; k++) expected[k] += w * state.tubes[0].probabilities[g * 4 + k];
    });
    const law = countDistribution(state);
    expected.forEach((p, k) => expect(law[k]).toBeCloseTo(p, 12));
  });
});

describe("medianCount", () => {
  it("is the smallest count with at least half the probability at or below it", () => {
    expect(medianCount(Float64Array.from([0.1, 0.3, 0.1, 0.5]))).toBe(2);
    expect(medianCount(Float64Array.from([0.5, 0.5]))).toBe(0);
    expect(medianCount(Float64Array.from([0, 0.2, 0.8]))).toBe(2);
  });
});

describe("the result shown is the posterior median", () => {
  // Rentrée 5e's shape: 16 tubes of levels 1 and 2. A pupil right on five level-2 questions most likely
  // masters everything: the median says 100 %, while the mean, pulled down by every tube's slim chance of
  // a gap, never gets there (31 of 32 once rounded).
  const targetSkills = Array.from({ length: 16 }, (_, t) => tube(`t${t}`, 2)).flat();

  it("reaches 100 % for a pupil right everywhere, where the rounded mean count stays below", () => {
    const observations = Array.from({ length: 5 }, (_, t) => ok(`t${t}-2`));
    const posterior = masteryPosterior({ targetSkills, observations, parameters });
    expect(Math.round(posterior.masteryMean * 32)).toBeLessThan(32);
    expect(posterior.masteryMedian).toBe(1);
  });

  it("lies within a skill of the mean when the law is not lopsided", () => {
    const observations = Array.from({ length: 12 }, (_, t) => (t % 2 === 0 ? ok(`t${t}-1`) : ko(`t${t}-2`)));
    const posterior = masteryPosterior({ targetSkills, observations, parameters });
    expect(Math.abs(posterior.masteryMedian - posterior.masteryMean) * 32).toBeLessThanOrEqual(1);
  });
});
