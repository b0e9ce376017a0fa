import { successProbability } from "./level-estimate";

/**
 * The best next question in ONE tube, as a small decision problem.
 *
 * State: k = how many of the tube's skills (easiest first) the pupil masters. Prior from the global
 * level θ: P(k ≥ j) = σ(θ − level of skill j). Knowledge elements cut it: k ≥ the highest validated
 * position, k < the lowest invalidated one above it. Between them lies the run of untested positions
 * [first..last]; answers are assumed consistent (a success at d ⇒ k ≥ d, a failure ⇒ k < d), exactly
 * as the inference of knowledge elements assumes.
 *
 * Cost: one per question, plus `errorCost` per skill left untested although mastered — untested skills
 * count as not mastered, so that is the error the mastery rate keeps. Skills left untested and not
 * mastered cost nothing: a likely failure is not worth a question. The optimal decision tree over the
 * run is computed exactly (a tube has at most 8 skills, so at most 36 sub-runs).
 */
export type TubeQuestionPlan = { position: number; successChance: number; expectedCost: number } | null;

export function planTubeQuestion(args: {
  /** Levels of the tube's skills, ascending; positions are 1-based indexes into it. */
  levels: readonly number[];
  first: number;
  last: number;
  predictedLevel: number;
  errorCost: number;
  /** Whether the skill at a position can be asked now (playable, allowed by the timed rule). */
  isAskable: (position: number) => boolean;
}): TubeQuestionPlan {
  const { levels, first, last, predictedLevel, errorCost, isAskable } = args;
  const n = levels.length;
  const atLeast = (j: number) => (j <= 0 ? 1 : j > n ? 0 : successProbability(predictedLevel, levels[j - 1]));
  const mass = Array.from({ length: n + 1 }, (_, k) => atLeast(k) - atLeast(k + 1));
  const massBetween = (from: number, to: number) => {
    let total = 0;
    for (let k = Math.max(from, 0); k <= to; k++) total += mass[k];
    return total;
  };
  /** P(k ≥ d) knowing k ∈ [from − 1 .. to]. */
  const chance = (d: number, from: number, to: number) => {
    const total = massBetween(from - 1, to);
    return total > 0 ? massBetween(d, to) / total : 0;
  };
  const stopCost = (from: number, to: number) => {
    let expectedMasteredUntested = 0;
    for (let j = from; j <= to; j++) expectedMasteredUntested += chance(j, from, to);
    return errorCost * expectedMasteredUntested;
  };

  const memo = new Map<number, number>();
  const value = (from: number, to: number): number => {
    if (from > to) return 0;
    const key = from * 16 + to;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let best = stopCost(from, to);
    for (let d = from; d <= to; d++) best = Math.min(best, askCost(d, from, to));
    memo.set(key, best);
    return best;
  };
  const askCost = (d: number, from: number, to: number) => {
    const p = chance(d, from, to);
    return 1 + p * value(d + 1, to) + (1 - p) * value(from, d - 1);
  };

  // At the root only askable skills may be chosen; deeper, every untested skill is assumed askable later.
  let plan: TubeQuestionPlan = null;
  for (let d = first; d <= last; d++) {
    if (!isAskable(d)) continue;
    const expectedCost = askCost(d, first, last);
    if (!plan || expectedCost < plan.expectedCost - 1e-12) plan = { position: d, successChance: chance(d, first, last), expectedCost };
  }
  return plan && plan.expectedCost < stopCost(first, last) - 1e-12 ? plan : null;
}
