import { describe, expect, it } from "vitest";
import { COHORT_SEED_OFFSET, type CalibrationTask } from "@/bench/adaptive/calibration-cohort";
import { runCalibrationTask, runTask } from "@/bench/adaptive/tasks";

// The adaptive bench's « précision calibrée » rows: a cohort of the same population, on other seeds than the
// evaluation's, takes the shipped engine; the product's calibration is run on its answers.
const cohort = (seed: number, pupils = 200): CalibrationTask => ({ kind: "calibration", parcoursId: "tp-rentree-5e", model: "normale", seed, pupils, cohortEngine: "précision" });

describe("the adaptive bench's calibration cohort", () => {
  it("finds the « normale » population's own values with the product's calibration", () => {
    const outcome = runCalibrationTask(cohort(1));
    expect(outcome.converged).toBe(true);
    // The population: slip 0.10, guess 0.15, tube spread 1, ability N(reference, 1.5²) — the shipped values are 0.10, 0.20, 1, −0.5, 2.
    expect(outcome.parameters.slip).toBeGreaterThan(0.06);
    expect(outcome.parameters.slip).toBeLessThan(0.14);
    expect(outcome.parameters.guess).toBeGreaterThan(0.1);
    expect(outcome.parameters.guess).toBeLessThan(0.19);
    expect(Math.abs(outcome.parameters.levelPrior.offsetFromReference)).toBeLessThan(0.35);
    expect(outcome.parameters.levelPrior.standardDeviation).toBeGreaterThan(1.1);
    expect(outcome.parameters.levelPrior.standardDeviation).toBeLessThan(1.8);
  }, 60_000);

  it("is deterministic by seed and draws other pupils for another seed", () => {
    expect(runCalibrationTask(cohort(2, 30)).parameters).toEqual(runCalibrationTask(cohort(2, 30)).parameters);
    expect(runCalibrationTask(cohort(3, 30)).parameters).not.toEqual(runCalibrationTask(cohort(2, 30)).parameters);
    expect(COHORT_SEED_OFFSET).toBeGreaterThanOrEqual(1000);
  }, 60_000);

  it("refuses to evaluate the calibrated engine without a cohort's parameters", () => {
    const task = { kind: "synthetic" as const, parcoursId: "tp-rentree-5e", model: "normale" as const, seed: 1, pupils: 1, engines: ["précision-calibrée"], timedPupils: 0 };
    expect(() => runTask(task)).toThrow(/pas de paramètres calibrés/);
    const calibrated = runCalibrationTask(cohort(1, 30)).parameters;
    expect(runTask({ ...task, calibrated }).rows["précision calibrée ±8"].questions).toHaveLength(1);
  }, 60_000);
});
