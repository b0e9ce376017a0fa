import { describe, expect, it } from "vitest";
import type { EngineParameters } from "@/lib/domain/assessment/engine-parameters";
import { masteryPosterior, type Observation } from "@/lib/domain/assessment/mastery-posterior";
import { tube } from "../../support/engine-builders";
import { modelPupil, seededStream } from "../../support/model-pupils";

const parameters: EngineParameters = {
  version: "test",
  source: "test",
  slip: 0.1,
  guess: 0.15,
  tubeSpread: 1,
  levelPrior: { offsetFromReference: -1, standardDeviation: 1.5 },
};

describe("the posterior on pupils drawn from its own model", () => {
  it("covers the true mastery rate with ± 2σ around the mean and around the median for about 95 % of them, without bias", () => {
    const targetSkills = Array.from({ length: 8 }, (_, t) => tube(`t${t}`, 5)).flat();
    const random = seededStream(20261126);
    const pupils = 400;
    let covered = 0;
    let coveredFromMedian = 0;
    let standardisedErrors = 0;
    for (let i = 0; i < pupils; i++) {
      const pupil = modelPupil(targetSkills, parameters, random);
      const observations: Observation[] = Array.from({ length: 12 }, () => {
        const skill = targetSkills[Math.floor(random.next() * targetSkills.length)];
        return { skillId: skill.id, isSuccess: pupil.answers(skill) };
      });
      const { masteryMean, masteryMedian, masteryStandardError } = masteryPosterior({ targetSkills, observations, parameters });
      if (Math.abs(masteryMean - pupil.trueRate) <= 2 * masteryStandardError) covered++;
      // The result shown is the median: the ± must cover the truth around it too.
      if (Math.abs(masteryMedian - pupil.trueRate) <= 2 * masteryStandardError) coveredFromMedian++;
      standardisedErrors += (masteryMean - pupil.trueRate) / masteryStandardError;
    }
    expect(covered / pupils).toBeGreaterThan(0.92);
    expect(covered / pupils).toBeLessThan(0.98);
    expect(coveredFromMedian / pupils).toBeGreaterThan(0.92);
    expect(coveredFromMedian / pupils).toBeLessThan(0.98);
    expect(Math.abs(standardisedErrors / pupils)).toBeLessThan(0.15);
  });
});
