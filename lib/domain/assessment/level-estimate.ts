import type { DirectAnswer } from "./types";

/**
 * Ability scale of the original "smart random" engine: a one-parameter logistic (Rasch) model where a
 * pupil of level θ succeeds on a skill of difficulty d with probability 1 / (1 + e^−(θ − d)).
 */
export const CANDIDATE_LEVELS = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5] as const;

/**
 * Two answers everyone is assumed to give (success at difficulty 0, failure at 7). They keep the fit
 * finite when every real answer is a success (or a failure) and pull a short history to the middle.
 */
const VIRTUAL_ANSWERS: readonly DirectAnswer[] = [
  { difficulty: 0, isSuccess: true },
  { difficulty: 7, isSuccess: false },
];

export function successProbability(level: number, difficulty: number): number {
  return 1 / (1 + Math.exp(-(level - difficulty)));
}

/** How badly a level explains the answers: the closer Σ(outcome − P) is to 0, the better. */
function fitScore(level: number, answers: readonly DirectAnswer[]): number {
  let residual = 0;
  for (const answer of answers) residual += (answer.isSuccess ? 1 : 0) - successProbability(level, answer.difficulty);
  return -Math.abs(residual);
}

/**
 * The candidate level that best fits the direct answers (plus the virtual ones).
 * Ties go to the lowest level, as in the original: being under-estimated only costs an easy question.
 */
export function predictLevel(answers: readonly DirectAnswer[]): number {
  const all = [...answers, ...VIRTUAL_ANSWERS];
  let best: number = CANDIDATE_LEVELS[0];
  let bestScore = -Infinity;
  for (const level of CANDIDATE_LEVELS) {
    const score = fitScore(level, all);
    if (score > bestScore) {
      best = level;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Standard error of a level under the same model: 1 / √(Fisher information), the information of an
 * answer being P(1 − P). Few answers, or answers far from the level, leave it large: it is the
 * "how uncertain is this still" figure. The virtual answers count, so it stays finite with no answer.
 */
export function levelStandardError(level: number, answers: readonly DirectAnswer[]): number {
  let information = 0;
  for (const answer of [...answers, ...VIRTUAL_ANSWERS]) {
    const p = successProbability(level, answer.difficulty);
    information += p * (1 - p);
  }
  return 1 / Math.sqrt(information);
}
