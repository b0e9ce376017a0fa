/**
 * What the bench compares. An engine plays one assessment and reports one outcome per table row: a row is
 * a way of reading the result (the same answers can be read as validated / total or through the posterior)
 * or a stopping point (the precision engine at several targets, taken from one run: the questions asked
 * do not depend on the target, only where the test stops).
 */
import { masteryEstimate } from "../../lib/domain/assessment/mastery-estimate";
import { smartRandomStrategy } from "../../lib/domain/assessment/smart-random-strategy";
import { tubeBisectionStrategy } from "../../lib/domain/assessment/tube-bisection-strategy";
import type { Parcours } from "./load-parcours";
import { playAssessment, type Answerer } from "./simulate";

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

const smartRandom: BenchEngine = {
  name: "smart-random",
  rows: ["smart-random"],
  run(parcours, answer, seed, selectionMs) {
    const trace = playAssessment({ parcours, strategy: smartRandomStrategy, seed, answer });
    selectionMs?.push(...trace.selectionMs);
    return [{ questions: trace.questions, estimate: plainRate(parcours, trace), standardError: null }];
  },
};

const tubeBisection: BenchEngine = {
  name: "tube-bisection",
  rows: ["tube-bisection"],
  run(parcours, answer, seed, selectionMs) {
    const trace = playAssessment({ parcours, strategy: tubeBisectionStrategy, seed, answer });
    selectionMs?.push(...trace.selectionMs);
    return [{ questions: trace.questions, estimate: plainRate(parcours, trace), standardError: null }];
  },
};

export const BENCH_ENGINES: Record<string, BenchEngine> = { "smart-random": smartRandom, "tube-bisection": tubeBisection };
export const DEFAULT_ENGINES = ["smart-random", "tube-bisection"];
/** The row every other one is compared to (questions at equal error). */
export const REFERENCE_ROW = "smart-random";
