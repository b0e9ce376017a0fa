import type { EngineParameters } from "./engine-parameters";
import { countDistribution, medianCount } from "./count-distribution";
import { uniqueById } from "./ids";
import { answerLikelihood, LEVEL_GRID, levelLogPrior, tubeStatePrior } from "./posterior-model";
import { referenceLevel } from "./reference-level";
import type { EngineSkill } from "./types";

/** A direct answer: the only evidence the posterior reads (inferred elements restate answers). */
export type Observation = { skillId: string; isSuccess: boolean };

/** One tube given θ and the tube's own answers: p(k | θ, answers) and its mean and variance per grid point. */
export type TubePosterior = {
  skills: readonly EngineSkill[];
  /** States per grid point: skills + 1 (k = 0..m mastered, easiest first). */
  states: number;
  probabilities: Float64Array;
  mean: Float64Array;
  variance: Float64Array;
};

/**
 * The exact posterior of the model (posterior-model.ts) given the answers: tubes are independent given θ,
 * so θ is integrated on the grid and, for each grid point, each tube is summed over its few states.
 */
export type PosteriorState = {
  parameters: EngineParameters;
  targetCount: number;
  /** Posterior weights of the grid points (sum 1). */
  weights: Float64Array;
  tubes: TubePosterior[];
  positionBySkillId: ReadonlyMap<string, { tube: number; position: number }>;
  /** E[mastered count | θ, answers] per grid point. */
  expectedCount: Float64Array;
  /** Var[mastered count | θ, answers] per grid point. */
  countVariance: Float64Array;
  /** log P(answers) under the model (θ integrated on the grid): what calibration maximises. */
  logLikelihood: number;
};

function groupTubes(targetSkills: readonly EngineSkill[]): EngineSkill[][] {
  const byTube = new Map<string, EngineSkill[]>();
  for (const skill of targetSkills) {
    const skills = byTube.get(skill.tubeId);
    if (skills) skills.push(skill);
    else byTube.set(skill.tubeId, [skill]);
  }
  return [...byTube.values()].map((skills) => skills.sort((a, b) => a.level - b.level || (a.id < b.id ? -1 : 1)));
}

export function posteriorState(input: {
  targetSkills: readonly EngineSkill[];
  observations: readonly Observation[];
  parameters: EngineParameters;
  /** The prior's centre when it is not the target skills' own (calibration passes only the answered tubes). */
  referenceLevel?: number;
}): PosteriorState {
  const { parameters } = input;
  const targetSkills = uniqueById(input.targetSkills);
  const grid = LEVEL_GRID.length;
  const logWeights = levelLogPrior(input.referenceLevel ?? referenceLevel(targetSkills), parameters);
  // A proper prior on the grid (sums to 1), so that the normaliser below is the answers' likelihood.
  const priorMax = Math.max(...logWeights);
  const logPriorTotal = priorMax + Math.log(logWeights.reduce((total, value) => total + Math.exp(value - priorMax), 0));
  for (let g = 0; g < grid; g++) logWeights[g] -= logPriorTotal;
  const positionBySkillId = new Map<string, { tube: number; position: number }>();
  const tubeSkills = groupTubes(targetSkills);
  tubeSkills.forEach((skills, tube) => skills.forEach((skill, i) => positionBySkillId.set(skill.id, { tube, position: i + 1 })));

  const likelihoods = tubeSkills.map((skills) => new Float64Array(skills.length + 1).fill(1));
  for (const observation of input.observations) {
    const at = positionBySkillId.get(observation.skillId);
    if (!at) continue;
    const likelihood = likelihoods[at.tube];
    for (let k = 0; k < likelihood.length; k++) likelihood[k] *= answerLikelihood(k >= at.position, observation.isSuccess, parameters);
  }

  const expectedCount = new Float64Array(grid);
  const countVariance = new Float64Array(grid);
  const tubes = tubeSkills.map((skills, t): TubePosterior => {
    const states = skills.length + 1;
    const prior = tubeStatePrior(skills.map((s) => s.level), parameters.tubeSpread);
    const likelihood = likelihoods[t];
    const probabilities = new Float64Array(grid * states);
    const mean = new Float64Array(grid);
    const variance = new Float64Array(grid);
    for (let g = 0; g < grid; g++) {
      let total = 0;
      for (let k = 0; k < states; k++) total += (probabilities[g * states + k] = prior[g * states + k] * likelihood[k]);
      let first = 0;
      let second = 0;
      for (let k = 0; k < states; k++) {
        const p = (probabilities[g * states + k] /= total);
        first += k * p;
        second += k * k * p;
      }
      mean[g] = first;
      variance[g] = Math.max(0, second - first * first);
      logWeights[g] += Math.log(total);
      expectedCount[g] += first;
      countVariance[g] += variance[g];
    }
    return { skills, states, probabilities, mean, variance };
  });

  const highest = Math.max(...logWeights);
  const weights = Float64Array.from(logWeights, (value) => Math.exp(value - highest));
  const sum = weights.reduce((a, b) => a + b, 0);
  for (let g = 0; g < grid; g++) weights[g] /= sum;
  return { parameters, targetCount: targetSkills.length, weights, tubes, positionBySkillId, expectedCount, countVariance, logLikelihood: highest + Math.log(sum) };
}

/** P(the tube's k ≥ position | θ = grid point g, the tube's answers). */
export function masteredGiven(tube: TubePosterior, g: number, position: number): number {
  let p = 0;
  for (let k = position; k < tube.states; k++) p += tube.probabilities[g * tube.states + k];
  return p;
}

export type MasteryPosterior = {
  /** Posterior mean of the mastery rate (share of the target skills mastered), 0..1. */
  masteryMean: number;
  /** Posterior median of the mastered count, as a rate (0..1): the result shown (count-distribution.ts). */
  masteryMedian: number;
  /** Its posterior standard deviation, 0..1: the result is shown « ± 2σ ». */
  masteryStandardError: number;
  /** Posterior mean and standard deviation of the general level θ. */
  levelMean: number;
  levelStandardDeviation: number;
  /** P(mastered | answers) for each target skill. */
  masteredProbabilityBySkillId: ReadonlyMap<string, number>;
};

/** Mean and variance of the mastered count, by the law of total variance over the grid. */
export function countMoments(state: PosteriorState): { mean: number; variance: number } {
  let mean = 0;
  let second = 0;
  state.weights.forEach((w, g) => {
    mean += w * state.expectedCount[g];
    second += w * (state.countVariance[g] + state.expectedCount[g] ** 2);
  });
  return { mean, variance: Math.max(0, second - mean * mean) };
}

export function summarizePosterior(state: PosteriorState): MasteryPosterior {
  const n = state.targetCount;
  const { mean, variance } = countMoments(state);
  let levelMean = 0;
  let levelSecond = 0;
  state.weights.forEach((w, g) => {
    levelMean += w * LEVEL_GRID[g];
    levelSecond += w * LEVEL_GRID[g] ** 2;
  });
  const masteredProbabilityBySkillId = new Map<string, number>();
  for (const tube of state.tubes) {
    // P(k ≥ j) for every position j at once: suffix sums of the state probabilities, weighted over θ.
    const atLeast = new Float64Array(tube.states);
    for (let g = 0; g < state.weights.length; g++) {
      const w = state.weights[g];
      let suffix = 0;
      for (let k = tube.states - 1; k >= 1; k--) {
        suffix += tube.probabilities[g * tube.states + k];
        atLeast[k] += w * suffix;
      }
    }
    tube.skills.forEach((skill, i) => masteredProbabilityBySkillId.set(skill.id, Math.min(1, Math.max(0, atLeast[i + 1]))));
  }
  return {
    masteryMean: n === 0 ? 0 : mean / n,
    masteryMedian: n === 0 ? 0 : medianCount(countDistribution(state)) / n,
    masteryStandardError: n === 0 ? 0 : Math.sqrt(variance) / n,
    levelMean,
    levelStandardDeviation: Math.sqrt(Math.max(0, levelSecond - levelMean ** 2)),
    masteredProbabilityBySkillId,
  };
}

/** The posterior of the mastery rate given the direct answers (the model's parameters are passed in). */
export function masteryPosterior(input: { targetSkills: readonly EngineSkill[]; observations: readonly Observation[]; parameters: EngineParameters }): MasteryPosterior {
  return summarizePosterior(posteriorState(input));
}
