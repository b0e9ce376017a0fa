import type { EngineParameters } from "../engine-parameters";
import { posteriorState, type Observation, type PosteriorState } from "../mastery-posterior";
import { answerLikelihood, LEVEL_GRID, tubeLevelAtLeast } from "../posterior-model";
import { preparePupils, type CalibrationPupil } from "./calibration-pupils";

/** Candidate difficulties of an item, from below level 1 to beyond level 8. */
const DIFFICULTIES = Array.from({ length: 33 }, (_, i) => 0.5 + 0.25 * i);

export type ItemFit = {
  challengeId: string;
  skillId: string;
  /** The level of its skill: the difficulty the content claims. */
  level: number;
  attempts: number;
  successes: number;
  /** What the model expects from the pupils who answered it, each judged on their other answers. */
  expectedSuccesses: number;
  /** (successes − expected) / its standard deviation: beyond ±3 the item does not behave as its level says. */
  standardisedResidual: number;
  /** The difficulty (in levels) that best explains its answers given the pupils' levels. */
  effectiveLevel: number;
  /** 2 × (log-likelihood at the effective level − at the skill's level): the evidence that they differ. */
  likelihoodRatio: number;
  flag: "TROP_FACILE" | "TROP_DIFFICILE" | null;
};

/**
 * The pupil's posterior without one of their answers (exact: its likelihood divided out of its tube): the weights
 * of θ on the grid (sum 1) and the chance of a right answer to it. What judges an item on the pupil's other answers.
 */
export function withoutAnswer(state: PosteriorState, answer: Observation, parameters: EngineParameters): { weights: Float64Array; rightProbability: number } {
  const at = state.positionBySkillId.get(answer.skillId)!;
  const tube = state.tubes[at.tube];
  const grid = LEVEL_GRID.length;
  const weights = new Float64Array(grid);
  let right = 0;
  let total = 0;
  for (let g = 0; g < grid; g++) {
    let mass = 0;
    let rightHere = 0;
    for (let k = 0; k < tube.states; k++) {
      const share = tube.probabilities[g * tube.states + k] / answerLikelihood(k >= at.position, answer.isSuccess, parameters);
      mass += share;
      rightHere += share * answerLikelihood(k >= at.position, true, parameters);
    }
    weights[g] = state.weights[g] * mass;
    total += weights[g];
    right += state.weights[g] * rightHere;
  }
  for (let g = 0; g < grid; g++) weights[g] /= total;
  return { weights, rightProbability: right / total };
}

/** A likelihood ratio of 9 or more (one parameter: p < 0.003) before an item is called out. */
const EVIDENCE = 9;

type Accumulator = { skillId: string; level: number; attempts: number; successes: number; expected: number; variance: number; logLikelihoodByDifficulty: Float64Array };

/**
 * How each challenge behaves against what its level predicts. Each answer is compared with the pupil's
 * other answers only (leave-one-out): the pupil's posterior without it — exact, by dividing the answer's
 * likelihood out of its tube — gives the chance of a right answer, and, through θ, the chance for any
 * difficulty, so that the item's effective level is the difficulty of highest likelihood. An item is flagged
 * when, with enough attempts, its effective level is 1.5 levels or more away from its skill's level and the
 * answers say so clearly (likelihood ratio ≥ 9): beyond the levels the pupils reach, the likelihood is flat
 * and an item that everybody fails is not "harder than level 8".
 */
export function itemFit(input: { pupils: readonly CalibrationPupil[]; parameters: EngineParameters; minimumAttempts?: number; levelGap?: number }): ItemFit[] {
  const { parameters } = input;
  const minimumAttempts = input.minimumAttempts ?? 30;
  const levelGap = input.levelGap ?? 1.5;
  const byChallenge = new Map<string, Accumulator>();
  const grid = LEVEL_GRID.length;
  const reachByDifficulty = DIFFICULTIES.map((d) => Float64Array.from(LEVEL_GRID, (theta) => tubeLevelAtLeast(d, theta, parameters.tubeSpread)));
  for (const pupil of preparePupils(input.pupils)) {
    const state = posteriorState({ targetSkills: pupil.skills, observations: pupil.answers, parameters, referenceLevel: pupil.referenceLevel });
    for (const answer of pupil.answers) {
      const at = state.positionBySkillId.get(answer.skillId)!;
      const tube = state.tubes[at.tube];
      const { weights: weightsWithout, rightProbability: expected } = withoutAnswer(state, answer, parameters);
      const accumulator = byChallenge.get(answer.challengeId) ?? {
        skillId: answer.skillId,
        level: tube.skills[at.position - 1].level,
        attempts: 0,
        successes: 0,
        expected: 0,
        variance: 0,
        logLikelihoodByDifficulty: new Float64Array(DIFFICULTIES.length),
      };
      accumulator.attempts++;
      if (answer.isSuccess) accumulator.successes++;
      accumulator.expected += expected;
      accumulator.variance += expected * (1 - expected);
      DIFFICULTIES.forEach((_, d) => {
        let reach = 0;
        for (let g = 0; g < grid; g++) reach += weightsWithout[g] * reachByDifficulty[d][g];
        const right = parameters.guess + (1 - parameters.slip - parameters.guess) * reach;
        accumulator.logLikelihoodByDifficulty[d] += Math.log(answer.isSuccess ? right : 1 - right);
      });
      byChallenge.set(answer.challengeId, accumulator);
    }
  }
  const fits = [...byChallenge].map(([challengeId, a]): ItemFit => {
    let best = 0;
    a.logLikelihoodByDifficulty.forEach((value, d) => (best = value > a.logLikelihoodByDifficulty[best] ? d : best));
    const effectiveLevel = DIFFICULTIES[best];
    const likelihoodRatio = 2 * (a.logLikelihoodByDifficulty[best] - a.logLikelihoodByDifficulty[DIFFICULTIES.indexOf(a.level)]);
    const isJudged = a.attempts >= minimumAttempts && Math.abs(effectiveLevel - a.level) >= levelGap && likelihoodRatio >= EVIDENCE;
    return {
      challengeId,
      skillId: a.skillId,
      level: a.level,
      attempts: a.attempts,
      successes: a.successes,
      expectedSuccesses: a.expected,
      standardisedResidual: a.variance > 0 ? (a.successes - a.expected) / Math.sqrt(a.variance) : 0,
      effectiveLevel,
      likelihoodRatio,
      flag: isJudged ? (effectiveLevel < a.level ? "TROP_FACILE" : "TROP_DIFFICILE") : null,
    };
  });
  // Worst first: flagged ones by their distance to their level, then the others by their residual.
  return fits.sort((x, y) => Number(y.flag !== null) - Number(x.flag !== null) || Math.abs(y.effectiveLevel - y.level) - Math.abs(x.effectiveLevel - x.level) || Math.abs(y.standardisedResidual) - Math.abs(x.standardisedResidual));
}
