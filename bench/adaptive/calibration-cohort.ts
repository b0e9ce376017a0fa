/**
 * What a school's first rentrée gives the calibration: a cohort of pupils of the same population takes the
 * parcours with the shipped engine and parameters, then the product's own calibration
 * (`calibrateParameters`, the function `npm run engine:calibrate` calls, with the same starting point) is
 * run on their answers. The evaluation pupils then take the precision engine with the parameters found.
 * The cohort's pupils are drawn on other seeds than the evaluation's (seed + COHORT_SEED_OFFSET): the
 * parameters are never fitted to the pupils they are judged on. One cohort per evaluation seed, so that the
 * 95 % intervals include the calibration's own sampling noise (each seed is a school: its cohort, its pupils).
 */
import { calibrateParameters } from "../../lib/domain/assessment/calibration/calibrate-parameters";
import type { CalibrationPupil } from "../../lib/domain/assessment/calibration/calibration-pupils";
import { ENGINE_PARAMETERS, type EngineParameters } from "../../lib/domain/assessment/engine-parameters";
import { createPrecisionStrategy, DEFAULT_PRECISION_TARGET } from "../../lib/domain/assessment/precision-strategy";
import { smartRandomStrategy } from "../../lib/domain/assessment/smart-random-strategy";
import { answersCorrectly, generatePupil, LEARNER_MODELS, type LearnerModelName } from "./learner-models";
import type { Parcours } from "./load-parcours";
import { mixSeed, seededRandom } from "./random";
import { playAssessment } from "./simulate";

export const COHORT_SEED_OFFSET = 10_000;

/** The engine the cohort took: the default of new campaigns (précision ± 8) or smart random. */
export type CohortEngine = "précision" | "smart-random";

/**
 * `pooledParcoursIds`: the cohort is made of `pupils` tests of each of these parcours, calibrated together as
 * `npm run engine:calibrate` does with every finished test of an instance (`--cohort-pool`); `parcoursId` is then the
 * first of them, and `label` names the pool in the report.
 */
export type CalibrationTask = {
  kind: "calibration";
  parcoursId: string;
  model: LearnerModelName;
  seed: number;
  pupils: number;
  cohortEngine: CohortEngine;
  pooledParcoursIds?: string[];
  label?: string;
};

export type CalibratedValues = Omit<EngineParameters, "version" | "source">;

export type CalibrationOutcome = {
  task: CalibrationTask;
  parameters: CalibratedValues;
  converged: boolean;
  iterations: number;
  answers: number;
  seconds: number;
};

export function runCalibrationCohort(task: CalibrationTask, cohorts: readonly { parcours: Parcours; parcoursKey: number }[], modelKey: number): CalibrationOutcome {
  const tests = cohorts.flatMap(({ parcours, parcoursKey }) => cohortTests(task, parcours, parcoursKey, modelKey));
  const started = performance.now();
  const result = calibrateParameters({ pupils: tests, initial: ENGINE_PARAMETERS });
  return { task, parameters: result.parameters, converged: result.converged, iterations: result.iterations, answers: result.answers, seconds: (performance.now() - started) / 1000 };
}

/** The finished tests of one parcours' cohort, as the command reads them from the database. */
function cohortTests(task: CalibrationTask, parcours: Parcours, parcoursKey: number, modelKey: number): CalibrationPupil[] {
  const model = LEARNER_MODELS[task.model];
  const cohortSeed = task.seed + COHORT_SEED_OFFSET;
  // The shipped parameters, whatever the bench is asked to try: this is what the school ran before calibrating.
  const strategy = task.cohortEngine === "précision" ? createPrecisionStrategy({ target: DEFAULT_PRECISION_TARGET, parameters: ENGINE_PARAMETERS }) : smartRandomStrategy;
  const tests: CalibrationPupil[] = [];
  for (let i = 0; i < task.pupils; i++) {
    const pupil = generatePupil(parcours, model, seededRandom(mixSeed(parcoursKey, modelKey, cohortSeed, i)));
    const random = seededRandom(mixSeed(parcoursKey, modelKey, cohortSeed, i, 1));
    const trace = playAssessment({ parcours, strategy, seed: `${parcours.id}-${task.model}-cohorte-${cohortSeed}-${i}`, answer: (skill) => answersCorrectly(pupil, skill, model, random) });
    // As the command reads the database: the campaign's target skills and every answer of the finished test, in order.
    tests.push({ targetSkills: parcours.targetSkills, answers: trace.answers.map(({ challengeId, skillId, isSuccess }) => ({ challengeId, skillId, isSuccess })) });
  }
  return tests;
}
