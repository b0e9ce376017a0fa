/**
 * What the bench compares. An engine plays one assessment and reports one outcome per table row: a row is
 * a way of reading the result (the same answers can be read as validated / total or through the posterior)
 * or a stopping point (the precision engine at several targets, taken from one run: the questions asked
 * do not depend on the target, only where the test stops).
 */
import { ENGINE_PARAMETERS, engineParametersSchema, type EngineParameters } from "../../lib/domain/assessment/engine-parameters";
import { masteryEstimate } from "../../lib/domain/assessment/mastery-estimate";
import { createPrecisionStrategy } from "../../lib/domain/assessment/precision-strategy";
import { resultAtCompletion } from "../../lib/domain/assessment/result-at-completion";
import { smartRandomStrategy } from "../../lib/domain/assessment/smart-random-strategy";
import { tubeBisectionStrategy } from "../../lib/domain/assessment/tube-bisection-strategy";
import type { Parcours } from "./load-parcours";
import { playAssessment, type Answerer, type AssessmentTrace } from "./simulate";

/** The model's parameters: the committed ones, unless the bench is asked to try others (--parameters). */
let parameters: EngineParameters = ENGINE_PARAMETERS;
let minimumGain: number | undefined;
/** The parameters the calibration found on this task's cohort (calibration-cohort.ts), for the calibrated rows. */
let calibrated: EngineParameters | null = null;
export function useParameters(changes: Partial<EngineParameters> | undefined, gain?: number, calibratedValues?: Partial<EngineParameters>): void {
  parameters = changes ? engineParametersSchema.parse({ ...ENGINE_PARAMETERS, ...changes }) : ENGINE_PARAMETERS;
  minimumGain = gain;
  calibrated = calibratedValues ? engineParametersSchema.parse({ ...ENGINE_PARAMETERS, version: "calibré (banc)", ...calibratedValues }) : null;
}

export type RowOutcome = {
  questions: number;
  /** The displayed mastery rate, 0..1. */
  estimate: number;
  /** Standard error of the rate (0..1) when the row reports a ±, else null. */
  standardError: number | null;
};

export type BenchEngine = {
  name: string;
  rows: readonly string[];
  /** The rows are stopping points of one engine (short to long tests): compared as a curve. */
  isCurve?: boolean;
  /** One outcome per row, in the order of `rows`; `selectionMs` collects the time spent per question. */
  run(parcours: Parcours, answer: Answerer, seed: string, selectionMs?: number[]): RowOutcome[];
};

const plainRate = (parcours: Parcours, trace: { knowledgeElements: Parameters<typeof masteryEstimate>[0]["knowledgeElements"] }) =>
  masteryEstimate({ targetSkills: parcours.targetSkills, knowledgeElements: trace.knowledgeElements }).masteryRate;

/** The result as the app shows it from now on: posterior ±, MODEL elements for the skills not reached. */
function posteriorOutcome(parcours: Parcours, trace: Pick<AssessmentTrace, "knowledgeElements" | "answers" | "questions">, used: EngineParameters = parameters): RowOutcome {
  const { targetSkills } = parcours;
  const { posterior, modelElements } = resultAtCompletion({ targetSkills, knowledgeElements: trace.knowledgeElements, answers: trace.answers, parameters: used });
  const estimate = masteryEstimate({ targetSkills, knowledgeElements: [...trace.knowledgeElements, ...modelElements] }).masteryRate;
  return { questions: trace.questions, estimate, standardError: posterior.masteryStandardError };
}

const smartRandom: BenchEngine = {
  name: "smart-random",
  rows: ["smart-random", "smart-random + postérieur"],
  run(parcours, answer, seed, selectionMs) {
    const trace = playAssessment({ parcours, strategy: smartRandomStrategy, seed, answer });
    selectionMs?.push(...trace.selectionMs);
    return [{ questions: trace.questions, estimate: plainRate(parcours, trace), standardError: null }, posteriorOutcome(parcours, trace)];
  },
};

/**
 * Stopping points of the precision curve. The wide ones (± 24, ± 30) are not offered to campaigns: they let
 * the curve reach smart random's error on short parcours (rentrée 5e), where ± 20 was already more precise
 * and the ratio of questions was only a bound.
 */
export const PRECISION_TARGETS = [6, 8, 10, 12, 16, 20, 24, 30];

/**
 * One run at the smallest target; the outcome of each larger target is taken the first time the ± falls
 * within it (the engine would have stopped there), or at the end. `used` gives the model's parameters, read
 * at each run: the engine and the result at completion share them, as in the app.
 */
function precisionCurve(name: string, rowPrefix: string, used: () => EngineParameters): BenchEngine {
  return {
    name,
    rows: PRECISION_TARGETS.map((target) => `${rowPrefix}±${target}`),
    isCurve: true,
    run(parcours, answer, seed, selectionMs) {
      const model = used();
      const outcomes = new Map<number, RowOutcome>();
      let trace: AssessmentTrace | null = null;
      const strategy = createPrecisionStrategy({
        target: Math.min(...PRECISION_TARGETS),
        minimumGain,
        parameters: model,
        // Before each choice the engine knows its ± : the first time it is within a target, that target's test ends here.
        onPrecision(standardDeviation) {
          if (!trace || outcomes.size === PRECISION_TARGETS.length) return;
          for (const target of PRECISION_TARGETS) {
            if (!outcomes.has(target) && 2 * standardDeviation <= target) outcomes.set(target, posteriorOutcome(parcours, trace, model));
          }
        },
      });
      trace = playAssessment({ parcours, strategy, seed, answer, onStart: (current) => (trace = current) });
      selectionMs?.push(...trace.selectionMs);
      const final = posteriorOutcome(parcours, trace, model);
      return PRECISION_TARGETS.map((target) => outcomes.get(target) ?? final);
    },
  };
}

const precision = precisionCurve("précision", "précision ", () => parameters);

/** The same engine once a calibration cohort has given its parameters (bench/adaptive/calibration-cohort.ts). */
export const CALIBRATED_ENGINE = "précision-calibrée";
const calibratedPrecision = precisionCurve(CALIBRATED_ENGINE, "précision calibrée ", () => {
  if (!calibrated) throw new Error("précision-calibrée : pas de paramètres calibrés pour cette tâche");
  return calibrated;
});

const tubeBisection: BenchEngine = {
  name: "tube-bisection",
  rows: ["tube-bisection"],
  run(parcours, answer, seed, selectionMs) {
    const trace = playAssessment({ parcours, strategy: tubeBisectionStrategy, seed, answer });
    selectionMs?.push(...trace.selectionMs);
    return [{ questions: trace.questions, estimate: plainRate(parcours, trace), standardError: null }];
  },
};

export const BENCH_ENGINES: Record<string, BenchEngine> = {
  "smart-random": smartRandom,
  "tube-bisection": tubeBisection,
  précision: precision,
  [CALIBRATED_ENGINE]: calibratedPrecision,
};
export const DEFAULT_ENGINES = ["smart-random", "précision"];
/** The row every other one is compared to (questions at equal error). */
export const REFERENCE_ROW = "smart-random";
