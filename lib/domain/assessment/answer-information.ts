import type { PosteriorState } from "./mastery-posterior";

export type AnswerInformation = {
  /** P(right answer) under the posterior. */
  successProbability: number;
  /** Expected reduction of Var[mastered count] once the answer is known, in skills². */
  varianceReduction: number;
};

/**
 * What asking one more question on a skill is worth. By the law of total variance, the expected posterior
 * variance after the answer y is Var[M] − Var_y(E[M | y]), and with two outcomes
 * Var_y(E[M | y]) = P(y=1)·P(y=0)·(E[M | y=1] − E[M | y=0])². Only the asked skill's tube changes given θ,
 * so each outcome costs one pass over the grid and that tube's states.
 */
export function answerInformation(state: PosteriorState, skillId: string): AnswerInformation {
  const at = state.positionBySkillId.get(skillId);
  if (!at) return { successProbability: 0, varianceReduction: 0 };
  const tube = state.tubes[at.tube];
  const { slip, guess } = state.parameters;
  let success = 0;
  let countIfSuccess = 0;
  let countIfFailure = 0;
  for (let g = 0; g < state.weights.length; g++) {
    const w = state.weights[g];
    if (w === 0) continue;
    // Given θ: P(k) over the tube's states, split by whether the asked skill (position) is mastered.
    let pMastered = 0;
    let kMastered = 0;
    let kNot = 0;
    for (let k = 0; k < tube.states; k++) {
      const p = tube.probabilities[g * tube.states + k];
      if (k >= at.position) {
        pMastered += p;
        kMastered += k * p;
      } else kNot += k * p;
    }
    const pNot = 1 - pMastered;
    const rightGivenLevel = (1 - slip) * pMastered + guess * pNot;
    const wrongGivenLevel = 1 - rightGivenLevel;
    // E[count | θ, y] = E[count | θ] − E[k | θ] + E[k | θ, y].
    const others = state.expectedCount[g] - tube.mean[g];
    const kIfRight = rightGivenLevel > 0 ? ((1 - slip) * kMastered + guess * kNot) / rightGivenLevel : 0;
    const kIfWrong = wrongGivenLevel > 0 ? (slip * kMastered + (1 - guess) * kNot) / wrongGivenLevel : 0;
    success += w * rightGivenLevel;
    countIfSuccess += w * rightGivenLevel * (others + kIfRight);
    countIfFailure += w * wrongGivenLevel * (others + kIfWrong);
  }
  const failure = 1 - success;
  if (success <= 0 || failure <= 0) return { successProbability: success, varianceReduction: 0 };
  const difference = countIfSuccess / success - countIfFailure / failure;
  return { successProbability: success, varianceReduction: success * failure * difference * difference };
}

