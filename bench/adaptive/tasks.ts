/**
 * The bench's units of work, run in worker threads: one task = one parcours × one population × one seed
 * (synthetic pupils), or one parcours × one kind of test-wise pupil × one option display.
 * Each seed draws new pupils and new assessment ids: seeds are independent replications, the basis of the
 * confidence intervals. Within a seed the same pupils take every engine (paired comparison).
 */
import path from "node:path";
import type { EngineParameters } from "../../lib/domain/assessment/engine-parameters";
import { masteryPercentFromRate } from "../../lib/domain/scoring/mastery";
import { precisionPoints } from "../../lib/domain/scoring/precision";
import { runCalibrationCohort, type CalibratedValues, type CalibrationOutcome, type CalibrationTask } from "./calibration-cohort";
import { BENCH_ENGINES, useParameters } from "./engines";
import { answersCorrectly, generatePupil, LEARNER_MODELS, trueMasteryRate, type LearnerModelName } from "./learner-models";
import { loadContent, loadParcours, type Content, type Parcours } from "./load-parcours";
import { mixSeed, seededRandom } from "./random";
import { testWiseAnswersCorrectly, type OptionDisplay, type TestWiseKind } from "./test-wise-pupils";

export type SyntheticTask = { kind: "synthetic"; parcoursId: string; model: LearnerModelName; seed: number; pupils: number; engines: string[]; timedPupils: number };
export type TestWiseTask = { kind: "test-wise"; parcoursId: string; testWise: TestWiseKind; display: OptionDisplay; pupils: number; engines: string[] };
/** `calibrated`: the parameters this seed's calibration cohort gave (for the « précision calibrée » rows). */
export type Task = (SyntheticTask | TestWiseTask) & { parameters?: Partial<EngineParameters>; minimumGain?: number; calibrated?: CalibratedValues };

/**
 * Per row, per pupil: questions asked, estimate − truth, whether the ± (2σ) covers the truth (null: no ±),
 * and whether what the pupil reads — « 62 % ± 6 », both rounded to whole points — covers it.
 */
export type RowSeries = {
  questions: number[];
  errors: number[];
  covered: (boolean | null)[];
  coveredAsShown: (boolean | null)[];
  estimates: number[];
  /** The rate's standard error (null: no ±), to try other ways of showing the ± on the same pupils. */
  standardErrors: (number | null)[];
};
/** `selectionMs`: per engine, the time spent choosing each question of the last `timedPupils` pupils. */
export type TaskResult = { task: Task; rows: Record<string, RowSeries>; selectionMs: Record<string, number[]> };

let loaded: { content: Content; parcoursById: Map<string, Parcours> } | null = null;

export function benchParcours(): Parcours[] {
  if (!loaded) {
    const contentDir = path.join(process.cwd(), "prisma", "learning-content");
    const content = loadContent(contentDir);
    loaded = { content, parcoursById: new Map(loadParcours(contentDir, content).parcours.map((p) => [p.id, p])) };
  }
  return [...loaded.parcoursById.values()];
}

function series(): RowSeries {
  return { questions: [], errors: [], covered: [], coveredAsShown: [], estimates: [], standardErrors: [] };
}

function stableNumber(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) >>> 0;
  return hash;
}

function parcoursOf(id: string): Parcours {
  const parcours = benchParcours().find((p) => p.id === id);
  if (!parcours) throw new Error(`parcours inconnu : ${id}`);
  return parcours;
}

/** A calibration cohort (calibration-cohort.ts), with the same pupil keys as the evaluation tasks. */
export function runCalibrationTask(task: CalibrationTask): CalibrationOutcome {
  const cohorts = (task.pooledParcoursIds ?? [task.parcoursId]).map((id) => ({ parcours: parcoursOf(id), parcoursKey: stableNumber(id) }));
  return runCalibrationCohort(task, cohorts, stableNumber(task.model));
}

export function runTask(task: Task): TaskResult {
  useParameters(task.parameters, task.minimumGain, task.calibrated);
  const parcours = parcoursOf(task.parcoursId);
  const rows: Record<string, RowSeries> = {};
  const selectionMs: Record<string, number[]> = {};
  const parcoursKey = stableNumber(parcours.id);

  for (let i = 0; i < task.pupils; i++) {
    let truth = 0;
    let answerRandomSeed: number;
    let assessmentSeed: string;
    let answerOf: (random: () => number) => (skill: Parcours["targetSkills"][number], challengeId: string) => boolean;
    if (task.kind === "synthetic") {
      const model = LEARNER_MODELS[task.model];
      const pupil = generatePupil(parcours, model, seededRandom(mixSeed(parcoursKey, stableNumber(task.model), task.seed, i)));
      truth = trueMasteryRate(parcours, pupil);
      answerRandomSeed = mixSeed(parcoursKey, stableNumber(task.model), task.seed, i, 1);
      assessmentSeed = `${parcours.id}-${task.model}-${task.seed}-${i}`;
      answerOf = (random) => (skill) => answersCorrectly(pupil, skill, model, random);
    } else {
      const sources = loaded!.content.sourceByChallengeId;
      answerRandomSeed = mixSeed(parcoursKey, stableNumber(task.testWise), stableNumber(task.display), i);
      assessmentSeed = `${parcours.id}-${task.testWise}-${task.display}-${i}`;
      answerOf = (random) => (_skill, challengeId) =>
        testWiseAnswersCorrectly(task.testWise, sources.get(challengeId) ?? null, task.display, assessmentSeed, random);
    }
    for (const engineName of task.engines) {
      const engine = BENCH_ENGINES[engineName];
      // Every engine meets the same answer stream for a pupil: differences come from the engines only.
      const answer = answerOf(seededRandom(answerRandomSeed));
      // The last pupils of the task are timed: the code is warm by then (JIT), as on a running server.
      const isTimed = task.kind === "synthetic" && i >= task.pupils - task.timedPupils;
      const outcomes = engine.run(parcours, answer, assessmentSeed, isTimed ? (selectionMs[engineName] ??= []) : undefined);
      engine.rows.forEach((row, r) => {
        const outcome = outcomes[r];
        const target = (rows[row] ??= series());
        const error = outcome.estimate - truth;
        target.questions.push(outcome.questions);
        target.errors.push(error);
        target.estimates.push(outcome.estimate);
        target.standardErrors.push(outcome.standardError);
        target.covered.push(outcome.standardError === null ? null : Math.abs(error) <= 2 * outcome.standardError + 1e-12);
        const shownPoints = precisionPoints(outcome.standardError);
        target.coveredAsShown.push(shownPoints === null ? null : Math.abs(masteryPercentFromRate(outcome.estimate) - 100 * truth) <= shownPoints + 1e-9);
      });
    }
  }
  return { task, rows, selectionMs };
}
