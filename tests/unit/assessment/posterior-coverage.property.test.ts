import { describe, expect, it } from "vitest";
import type { EngineParameters } from "@/lib/domain/assessment/engine-parameters";
import { masteryPosterior, type Observation } from "@/lib/domain/assessment/mastery-posterior";
import { referenceLevel } from "@/lib/domain/assessment/reference-level";
import { tube } from "../../support/engine-builders";

/** mulberry32 and Box–Muller: a seeded stream, so the test is deterministic. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(next(), Number.EPSILON))) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

const parameters: EngineParameters = {
  version: "test",
  source: "test",
  slip: 0.1,
  guess: 0.15,
  tubeSpread: 1,
  levelPrior: { offsetFromReference: -1, standardDeviation: 1.5 },
};

describe("the posterior on pupils drawn from its own model", () => {
  it("covers the true mastery rate with ± 2σ for about 95 % of them, without bias", () => {
    const targetSkills = Array.from({ length: 8 }, (_, t) => tube(`t${t}`, 5)).flat();
    const prior = referenceLevel(targetSkills) + parameters.levelPrior.offsetFromReference;
    const random = seeded(20261126);
    const pupils = 400;
    let covered = 0;
    let standardisedErrors = 0;
    for (let i = 0; i < pupils; i++) {
      const theta = prior + parameters.levelPrior.standardDeviation * random.normal();
      const levelByTube = new Map(Array.from({ length: 8 }, (_, t) => [`t${t}`, Math.min(8, Math.max(0, Math.round(theta + parameters.tubeSpread * random.normal())))]));
      const masters = (skill: (typeof targetSkills)[number]) => skill.level <= levelByTube.get(skill.tubeId)!;
      const observations: Observation[] = Array.from({ length: 12 }, () => {
        const skill = targetSkills[Math.floor(random.next() * targetSkills.length)];
        return { skillId: skill.id, isSuccess: random.next() < (masters(skill) ? 1 - parameters.slip : parameters.guess) };
      });
      const truth = targetSkills.filter(masters).length / targetSkills.length;
      const { masteryMean, masteryStandardError } = masteryPosterior({ targetSkills, observations, parameters });
      if (Math.abs(masteryMean - truth) <= 2 * masteryStandardError) covered++;
      standardisedErrors += (masteryMean - truth) / masteryStandardError;
    }
    expect(covered / pupils).toBeGreaterThan(0.92);
    expect(covered / pupils).toBeLessThan(0.98);
    expect(Math.abs(standardisedErrors / pupils)).toBeLessThan(0.15);
  });
});
