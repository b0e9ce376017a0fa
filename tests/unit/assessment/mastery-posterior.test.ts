import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerInformation } from "@/lib/domain/assessment/answer-information";
import type { EngineParameters } from "@/lib/domain/assessment/engine-parameters";
import { countMoments, masteryPosterior, posteriorState, type Observation } from "@/lib/domain/assessment/mastery-posterior";
import { normalCdf, tubeLevelAtLeast } from "@/lib/domain/assessment/posterior-model";
import { tube } from "../../support/engine-builders";

const parameters = (changes: Partial<EngineParameters> = {}): EngineParameters => ({
  version: "test",
  source: "test",
  slip: 0.1,
  guess: 0.2,
  tubeSpread: 1,
  levelPrior: { offsetFromReference: 0, standardDeviation: 1.5 },
  ...changes,
});
const ok = (skillId: string): Observation => ({ skillId, isSuccess: true });
const ko = (skillId: string): Observation => ({ skillId, isSuccess: false });

describe("the model's building blocks", () => {
  it("has a normal distribution function accurate to 1e-7", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 7);
  });

  it("rounds and clips the tube level: P(L ≥ l | θ) = Φ(θ − l + 0.5), 1 below 1, 0 above 8", () => {
    expect(tubeLevelAtLeast(3, 2.5, 1)).toBeCloseTo(0.5, 7);
    expect(tubeLevelAtLeast(0, -10, 1)).toBe(1);
    expect(tubeLevelAtLeast(9, 20, 1)).toBe(0);
  });
});

describe("masteryPosterior, computed by hand on one skill", () => {
  // One tube with one skill of level 4: the reference level is 4, and an offset of −0.5 centres the prior on
  // θ = 3.5, where P(L ≥ 4 | θ) = Φ(θ − 3.5) is symmetric: before any answer the skill is mastered with
  // probability 1/2, and an answer updates it by Bayes' rule alone.
  const skills = tube("a", [4]);
  const centred = parameters({ levelPrior: { offsetFromReference: -0.5, standardDeviation: 1 } });
  const mastered = (observations: Observation[]) => masteryPosterior({ targetSkills: skills, observations, parameters: centred });

  it("is one half before any answer", () => {
    expect(mastered([]).masteryMean).toBeCloseTo(0.5, 8);
  });

  it("is (1 − slip) / (1 − slip + guess) after a success, slip / (slip + 1 − guess) after a failure", () => {
    expect(mastered([ok("a-4")]).masteryMean).toBeCloseTo(0.9 / 1.1, 8);
    expect(mastered([ko("a-4")]).masteryMean).toBeCloseTo(0.1 / 0.9, 8);
    expect(mastered([ok("a-4"), ok("a-4")]).masteryMean).toBeCloseTo(0.81 / (0.81 + 0.04), 8);
  });

  it("gives the standard error of a single Bernoulli rate", () => {
    const p = 0.9 / 1.1;
    expect(mastered([ok("a-4")]).masteryStandardError).toBeCloseTo(Math.sqrt(p * (1 - p)), 8);
  });

  it("ignores answers on skills outside the campaign", () => {
    expect(mastered([ok("b-1"), ko("zz")]).masteryMean).toBeCloseTo(0.5, 8);
  });
});

describe("masteryPosterior on several tubes", () => {
  const skills = [...tube("a", 4), ...tube("b", 4), ...tube("c", 4)];

  it("pools the tubes through the general level: a success elsewhere makes an unasked tube more likely mastered", () => {
    const before = masteryPosterior({ targetSkills: skills, observations: [], parameters: parameters() }).masteredProbabilityBySkillId.get("c-3")!;
    const after = masteryPosterior({ targetSkills: skills, observations: [ok("a-3"), ok("b-4")], parameters: parameters() }).masteredProbabilityBySkillId.get("c-3")!;
    const afterFailures = masteryPosterior({ targetSkills: skills, observations: [ko("a-2"), ko("b-2")], parameters: parameters() }).masteredProbabilityBySkillId.get("c-3")!;
    expect(after).toBeGreaterThan(before);
    expect(afterFailures).toBeLessThan(before);
  });

  it("narrows as answers accumulate", () => {
    const none = masteryPosterior({ targetSkills: skills, observations: [], parameters: parameters() });
    const all = masteryPosterior({ targetSkills: skills, observations: skills.flatMap((s) => (s.level <= 2 ? [ok(s.id), ok(s.id)] : [ko(s.id), ko(s.id)])), parameters: parameters() });
    expect(all.masteryStandardError).toBeLessThan(none.masteryStandardError / 3);
    expect(all.masteryMean).toBeGreaterThan(0.4);
    expect(all.masteryMean).toBeLessThan(0.6);
  });

  const campaign = fc
    .array(fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 })
    .map((tubes) => tubes.flatMap((levels, i) => tube(`t${i}`, [...levels].sort((a, b) => a - b))));
  const withObservations = campaign.chain((targetSkills) =>
    fc.record({
      targetSkills: fc.constant(targetSkills),
      observations: fc.array(fc.record({ skillId: fc.constantFrom(...targetSkills.map((s) => s.id)), isSuccess: fc.boolean() }), { maxLength: 12 }),
      asked: fc.constantFrom(...targetSkills.map((s) => s.id)),
    }),
  );

  it("never lowers the rate after a success, never raises it after a failure", () => {
    fc.assert(
      fc.property(withObservations, ({ targetSkills, observations, asked }) => {
        const mean = (list: Observation[]) => masteryPosterior({ targetSkills, observations: list, parameters: parameters() }).masteryMean;
        const before = mean(observations);
        expect(mean([...observations, ok(asked)])).toBeGreaterThanOrEqual(before - 1e-12);
        expect(mean([...observations, ko(asked)])).toBeLessThanOrEqual(before + 1e-12);
      }),
    );
  });

  it("gives harder skills of a tube no higher a chance of being mastered", () => {
    fc.assert(
      fc.property(withObservations, ({ targetSkills, observations }) => {
        const { masteredProbabilityBySkillId } = masteryPosterior({ targetSkills, observations, parameters: parameters() });
        for (const skill of targetSkills) {
          const easier = targetSkills.filter((s) => s.tubeId === skill.tubeId && s.level < skill.level);
          for (const other of easier) expect(masteredProbabilityBySkillId.get(other.id)!).toBeGreaterThanOrEqual(masteredProbabilityBySkillId.get(skill.id)! - 1e-12);
        }
      }),
    );
  });

  it("values a question as the variance it removes on average, computed by brute force", () => {
    fc.assert(
      fc.property(withObservations, ({ targetSkills, observations, asked }) => {
        const state = (list: Observation[]) => posteriorState({ targetSkills, observations: list, parameters: parameters() });
        const now = state(observations);
        const { successProbability, varianceReduction } = answerInformation(now, asked);
        const ifRight = countMoments(state([...observations, ok(asked)])).variance;
        const ifWrong = countMoments(state([...observations, ko(asked)])).variance;
        const expected = countMoments(now).variance - (successProbability * ifRight + (1 - successProbability) * ifWrong);
        expect(varianceReduction).toBeCloseTo(expected, 8);
      }),
    );
  });
});
