import { describe, expect, it } from "vitest";
import { calibrateParameters } from "@/lib/domain/assessment/calibration/calibrate-parameters";
import type { CalibrationPupil } from "@/lib/domain/assessment/calibration/calibration-pupils";
import { ENGINE_PARAMETERS, type EngineParameters } from "@/lib/domain/assessment/engine-parameters";
import { tube } from "../../support/engine-builders";
import { modelPupil, seededStream } from "../../support/model-pupils";

/** Tests of pupils drawn with known parameters: each answers questions on random skills of two parcours. */
function simulatedTests(truth: EngineParameters, count: number, seed: number): CalibrationPupil[] {
  const random = seededStream(seed);
  const parcours = [Array.from({ length: 8 }, (_, t) => tube(`a${t}`, 5)).flat(), Array.from({ length: 6 }, (_, t) => tube(`b${t}`, [2, 3, 4, 5, 6, 7])).flat()];
  return Array.from({ length: count }, (_, i) => {
    const targetSkills = parcours[i % parcours.length];
    const pupil = modelPupil(targetSkills, truth, random);
    const answers = Array.from({ length: 14 }, (_, q) => {
      const skill = targetSkills[Math.floor(random.next() * targetSkills.length)];
      return { challengeId: `${skill.id}-c${q % 2}`, skillId: skill.id, isSuccess: pupil.answers(skill) };
    });
    return { targetSkills, answers };
  });
}

describe("calibrateParameters", () => {
  it("recovers the slip, the guess, the tube spread and the level prior that generated the answers", { timeout: 120_000 }, () => {
    const truth: EngineParameters = { ...ENGINE_PARAMETERS, slip: 0.07, guess: 0.22, tubeSpread: 0.8, levelPrior: { offsetFromReference: -0.6, standardDeviation: 1.3 } };
    const result = calibrateParameters({ pupils: simulatedTests(truth, 1000, 7), initial: ENGINE_PARAMETERS });
    expect(result.converged).toBe(true);
    expect(Math.abs(result.parameters.slip - truth.slip)).toBeLessThan(0.02);
    expect(Math.abs(result.parameters.guess - truth.guess)).toBeLessThan(0.03);
    expect(Math.abs(result.parameters.tubeSpread - truth.tubeSpread)).toBeLessThan(0.2);
    expect(Math.abs(result.parameters.levelPrior.offsetFromReference - truth.levelPrior.offsetFromReference)).toBeLessThan(0.2);
    expect(Math.abs(result.parameters.levelPrior.standardDeviation - truth.levelPrior.standardDeviation)).toBeLessThan(0.2);
  });

  it("fits the answers better than the parameters it started from", { timeout: 60_000 }, () => {
    const truth: EngineParameters = { ...ENGINE_PARAMETERS, slip: 0.15, guess: 0.1 };
    const tests = simulatedTests(truth, 300, 11);
    const fromStart = calibrateParameters({ pupils: tests, initial: ENGINE_PARAMETERS, maxIterations: 1 });
    const calibrated = calibrateParameters({ pupils: tests, initial: ENGINE_PARAMETERS });
    expect(calibrated.logLikelihood).toBeGreaterThan(fromStart.logLikelihood);
  });

  it("refuses to calibrate without any answer", () => {
    expect(() => calibrateParameters({ pupils: [{ targetSkills: tube("a", 3), answers: [] }], initial: ENGINE_PARAMETERS })).toThrow(RangeError);
  });
});
