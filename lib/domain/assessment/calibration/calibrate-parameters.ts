import { engineParametersSchema, type EngineParameters } from "../engine-parameters";
import { masteredGiven, posteriorState } from "../mastery-posterior";
import { LEVEL_GRID, tubeStatePrior } from "../posterior-model";
import { preparePupils, type CalibrationPupil } from "./calibration-pupils";

export type CalibrationResult = {
  parameters: Omit<EngineParameters, "version" | "source">;
  /** log P(all answers | parameters), summed over the tests. */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  pupils: number;
  answers: number;
};

/** Expected counts gathered over the tests at one EM step (the E-step). */
type Statistics = {
  mastered: number;
  failedMastered: number;
  notMastered: number;
  succeededNotMastered: number;
  levelGap: number;
  levelGapSquared: number;
  pupils: number;
  /** Per tube shape (its levels): Σ over tests of P(θ = grid point, k mastered | answers), row-major. */
  jointByLevels: Map<string, { levels: number[]; joint: Float64Array }>;
  logLikelihood: number;
};

function expectations(pupils: ReturnType<typeof preparePupils>, parameters: EngineParameters): Statistics {
  const statistics: Statistics = { mastered: 0, failedMastered: 0, notMastered: 0, succeededNotMastered: 0, levelGap: 0, levelGapSquared: 0, pupils: 0, jointByLevels: new Map(), logLikelihood: 0 };
  for (const pupil of pupils) {
    const state = posteriorState({ targetSkills: pupil.skills, observations: pupil.answers, parameters, referenceLevel: pupil.referenceLevel });
    statistics.logLikelihood += state.logLikelihood;
    statistics.pupils++;
    for (const answer of pupil.answers) {
      const at = state.positionBySkillId.get(answer.skillId)!;
      let mastered = 0;
      state.weights.forEach((w, g) => (mastered += w * masteredGiven(state.tubes[at.tube], g, at.position)));
      statistics.mastered += mastered;
      statistics.notMastered += 1 - mastered;
      if (answer.isSuccess) statistics.succeededNotMastered += 1 - mastered;
      else statistics.failedMastered += mastered;
    }
    let gap = 0;
    let gapSquared = 0;
    state.weights.forEach((w, g) => {
      gap += w * (LEVEL_GRID[g] - pupil.referenceLevel);
      gapSquared += w * (LEVEL_GRID[g] - pupil.referenceLevel) ** 2;
    });
    statistics.levelGap += gap;
    statistics.levelGapSquared += gapSquared;
    for (const tube of state.tubes) {
      const levels = tube.skills.map((skill) => skill.level);
      const key = levels.join(",");
      const entry = statistics.jointByLevels.get(key) ?? { levels, joint: new Float64Array(LEVEL_GRID.length * tube.states) };
      for (let g = 0; g < LEVEL_GRID.length; g++) {
        for (let k = 0; k < tube.states; k++) entry.joint[g * tube.states + k] += state.weights[g] * tube.probabilities[g * tube.states + k];
      }
      statistics.jointByLevels.set(key, entry);
    }
  }
  return statistics;
}

/** Expected complete-data log-likelihood of the tube levels given θ, as a function of their spread. */
function tubeSpreadScore(statistics: Statistics, tubeSpread: number): number {
  let score = 0;
  for (const { levels, joint } of statistics.jointByLevels.values()) {
    const prior = tubeStatePrior(levels, tubeSpread);
    for (let i = 0; i < joint.length; i++) if (joint[i] > 0) score += joint[i] * Math.log(Math.max(prior[i], 1e-300));
  }
  return score;
}

/** Golden-section search of a unimodal function's maximum on [low, high]. */
function maximise(score: (x: number) => number, low: number, high: number, steps = 40): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = low;
  let b = high;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = score(c);
  let fd = score(d);
  for (let i = 0; i < steps; i++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = score(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = score(d);
    }
  }
  return (a + b) / 2;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

type Values = CalibrationResult["parameters"];
const asVector = (v: Values) => [v.slip, v.guess, v.tubeSpread, v.levelPrior.offsetFromReference, v.levelPrior.standardDeviation];
const fromVector = (x: number[]): Values => ({
  slip: clamp(x[0], 0.001, 0.499),
  guess: clamp(x[1], 0.001, 0.499),
  tubeSpread: clamp(x[2], 0.06, 4.9),
  levelPrior: { offsetFromReference: clamp(x[3], -7.9, 7.9), standardDeviation: clamp(x[4], 0.11, 7.9) },
});

/** One EM step: the likelihood of `values` and the parameters that maximise the expected complete likelihood. */
function emStep(pupils: ReturnType<typeof preparePupils>, values: Values): { logLikelihood: number; next: Values } {
  const statistics = expectations(pupils, engineParametersSchema.parse({ version: "calibration", source: "", ...values }));
  const offset = statistics.levelGap / statistics.pupils;
  return {
    logLikelihood: statistics.logLikelihood,
    next: fromVector([
      statistics.failedMastered / Math.max(statistics.mastered, 1e-9),
      statistics.succeededNotMastered / Math.max(statistics.notMastered, 1e-9),
      maximise((spread) => tubeSpreadScore(statistics, spread), 0.1, 4.5),
      offset,
      Math.sqrt(Math.max(statistics.levelGapSquared / statistics.pupils - offset * offset, 0)),
    ]),
  };
}

/**
 * Maximum likelihood of the model's parameters (slip, guess, tube spread, level prior) from finished tests,
 * by EM: the E-step is the exact posterior of each test (mastery-posterior.ts); the M-step has closed forms
 * for slip and guess (expected failures on mastered skills, successes on the others) and for the prior
 * (mean and spread of θ around the reference level), and a one-dimensional search for the tube spread.
 * Plain EM crawls when most tube states are unobserved (two answers a tube): each round is accelerated by
 * SQUAREM (Varadhan & Roland 2008: a step along the last two EM moves, kept only if the likelihood does
 * not drop, else the plain EM point). It stops when a round gains less than `tolerance` per answer.
 */
export function calibrateParameters(input: { pupils: readonly CalibrationPupil[]; initial: EngineParameters; maxIterations?: number; tolerance?: number }): CalibrationResult {
  const pupils = preparePupils(input.pupils);
  const answers = pupils.reduce((total, pupil) => total + pupil.answers.length, 0);
  if (answers === 0) throw new RangeError("aucune réponse à calibrer");
  const maxIterations = input.maxIterations ?? 100;
  const tolerance = input.tolerance ?? 1e-6;
  let current = strip(input.initial);
  let { logLikelihood, next: first } = emStep(pupils, current);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const second = emStep(pupils, first).next;
    const [x0, x1, x2] = [current, first, second].map(asVector);
    const r = x1.map((value, i) => value - x0[i]);
    const v = x2.map((value, i) => value - x1[i] - r[i]);
    const norm = (x: number[]) => Math.sqrt(x.reduce((total, value) => total + value * value, 0));
    const alpha = norm(v) > 0 ? Math.min(-1, -norm(r) / norm(v)) : -1;
    let candidate = fromVector(x0.map((value, i) => value - 2 * alpha * r[i] + alpha * alpha * v[i]));
    let step = emStep(pupils, candidate);
    if (!(step.logLikelihood >= logLikelihood)) {
      candidate = second;
      step = emStep(pupils, candidate);
    }
    const gain = step.logLikelihood - logLikelihood;
    current = candidate;
    logLikelihood = step.logLikelihood;
    first = step.next;
    if (gain >= 0 && gain < tolerance * answers) {
      return { parameters: current, logLikelihood, iterations: iteration, converged: true, pupils: pupils.length, answers };
    }
  }
  return { parameters: current, logLikelihood, iterations: maxIterations, converged: false, pupils: pupils.length, answers };
}

function strip({ version: _version, source: _source, ...values }: EngineParameters): Values {
  return values;
}
