import type { EngineParameters } from "./engine-parameters";

/**
 * The engine's model of a pupil, as numbers the posterior can sum over.
 * - A general level θ, prior N(reference level of the parcours + offset, sd²), integrated on a grid.
 * - In each tube, a level L = clip(round(θ + τ·z), 0, 8), z ~ N(0, 1), independent between tubes given θ:
 *   the pupil masters the tube's skills of level ≤ L. With the tube's target skills at levels ℓ1 < … < ℓm,
 *   the state of the tube is k = how many of them are mastered: P(k | θ) = P(L ≥ ℓk) − P(L ≥ ℓk+1).
 * - An answer is right with probability 1 − slip on a mastered skill, guess on another.
 */

/** θ from −3 to 11 by 0.25: the prior and every tube level (0..8) well inside, at the precision of a level. */
export const LEVEL_GRID: readonly number[] = Array.from({ length: 57 }, (_, i) => -3 + 0.25 * i);

/** Standard normal distribution function (Numerical Recipes' erfc, relative error < 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** P(L ≥ level | θ) for the clipped, rounded tube level. */
export function tubeLevelAtLeast(level: number, theta: number, tubeSpread: number): number {
  if (level <= 0) return 1;
  if (level > 8) return 0;
  return normalCdf((theta - level + 0.5) / tubeSpread);
}

/** Unnormalised log prior of θ on the grid. */
export function levelLogPrior(referenceLevel: number, parameters: EngineParameters): Float64Array {
  const mean = referenceLevel + parameters.levelPrior.offsetFromReference;
  const sd = parameters.levelPrior.standardDeviation;
  return Float64Array.from(LEVEL_GRID, (theta) => -((theta - mean) ** 2) / (2 * sd * sd));
}

/**
 * P(k | θ) for a tube whose target skills have the given ascending levels, for every grid point:
 * row-major, (m + 1) states per grid point. Memoised per levels and spread (a campaign reuses its tubes).
 */
const stateTables = new Map<string, Float64Array>();
export function tubeStatePrior(levels: readonly number[], tubeSpread: number): Float64Array {
  const key = `${tubeSpread}|${levels.join(",")}`;
  const known = stateTables.get(key);
  if (known) return known;
  const states = levels.length + 1;
  const table = new Float64Array(LEVEL_GRID.length * states);
  LEVEL_GRID.forEach((theta, g) => {
    for (let k = 0; k < states; k++) {
      const atLeastK = k === 0 ? 1 : tubeLevelAtLeast(levels[k - 1], theta, tubeSpread);
      const atLeastNext = k === levels.length ? 0 : tubeLevelAtLeast(levels[k], theta, tubeSpread);
      table[g * states + k] = Math.max(0, atLeastK - atLeastNext);
    }
  });
  if (stateTables.size > 5_000) stateTables.clear();
  stateTables.set(key, table);
  return table;
}

/** P(answer | the skill is mastered or not). */
export function answerLikelihood(isMastered: boolean, isSuccess: boolean, parameters: Pick<EngineParameters, "slip" | "guess">): number {
  if (isMastered) return isSuccess ? 1 - parameters.slip : parameters.slip;
  return isSuccess ? parameters.guess : 1 - parameters.guess;
}
