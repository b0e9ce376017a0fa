import type { PosteriorState } from "./mastery-posterior";

export type AnswerInformation = {
  /** P(right answer) under the posterior. */
  successProbability: number;
  /** Expected reduction of Var[mastered count] once the answer is known, in skills². */
  varianceReduction: number;
  /** EXPERIMENT: expected reduction of the standard deviation of the mastered count, in skills. */
  standardDeviationReduction: number;
};

/**
 * What asking one more question on a skill is worth. By the law of total variance, the expected posterior
 * variance after the answer y is Var[M] − Var_y(E[M | y]), and with two outcomes
 * Var_y(E[M | y]) = P(y=1)·P(y=0)·(E[M | y=1] − E[M | y=0])². Only the asked skill's tube changes given θ,
 * so each outcome costs one pass over the grid and that tube's states.
 */
export function answerInformation(state: PosteriorState, skillId: string): AnswerInformation {
  const at = state.positionBySkillId.get(skillId);
  if (!at) return { successProbability: 0, varianceReduction: 0, standardDeviationReduction: 0 };
  const tube = state.tubes[at.tube];
  const { slip, guess } = state.parameters;
  let success = 0;
  let countIfSuccess = 0;
  let countIfFailure = 0;
  let secondIfSuccess = 0;
  let secondIfFailure = 0;
  for (let g = 0; g < state.weights.length; g++) {
    const w = state.weights[g];
    if (w === 0) continue;
    // Given θ: P(k) over the tube's states, split by whether the asked skill (position) is mastered.
    let pMastered = 0;
    let kMastered = 0;
    let kNot = 0;
    let k2Mastered = 0;
    let k2Not = 0;
    for (let k = 0; k < tube.states; k++) {
      const p = tube.probabilities[g * tube.states + k];
      if (k >= at.position) {
        pMastered += p;
        kMastered += k * p;
        k2Mastered += k * k * p;
      } else {
        kNot += k * p;
        k2Not += k * k * p;
      }
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
    const othersVariance = state.countVariance[g] - tube.variance[g];
    const k2IfRight = rightGivenLevel > 0 ? ((1 - slip) * k2Mastered + guess * k2Not) / rightGivenLevel : 0;
    const k2IfWrong = wrongGivenLevel > 0 ? (slip * k2Mastered + (1 - guess) * k2Not) / wrongGivenLevel : 0;
    // E[M² | θ, y] = Var[M | θ, y] + E[M | θ, y]², with the tube's variance given y.
    secondIfSuccess += w * rightGivenLevel * (othersVariance + (k2IfRight - kIfRight * kIfRight) + (others + kIfRight) ** 2);
    secondIfFailure += w * wrongGivenLevel * (othersVariance + (k2IfWrong - kIfWrong * kIfWrong) + (others + kIfWrong) ** 2);
  }
  const failure = 1 - success;
  if (success <= 0 || failure <= 0) return { successProbability: success, varianceReduction: 0, standardDeviationReduction: 0 };
  const meanIfSuccess = countIfSuccess / success;
  const meanIfFailure = countIfFailure / failure;
  const difference = meanIfSuccess - meanIfFailure;
  const varianceNow = success * (secondIfSuccess / success) + failure * (secondIfFailure / failure) - (countIfSuccess + countIfFailure) ** 2;
  const sdIfSuccess = Math.sqrt(Math.max(0, secondIfSuccess / success - meanIfSuccess ** 2));
  const sdIfFailure = Math.sqrt(Math.max(0, secondIfFailure / failure - meanIfFailure ** 2));
  const standardDeviationReduction = Math.sqrt(Math.max(0, varianceNow)) - (success * sdIfSuccess + failure * sdIfFailure);
  return { successProbability: success, varianceReduction: success * failure * difference * difference, standardDeviationReduction };
}

