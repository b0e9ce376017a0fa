import type { PosteriorState } from "./mastery-posterior";

/** Grid points whose posterior weight is below this carry nothing a count's probability could show. */
const NEGLIGIBLE_WEIGHT = 1e-12;

/**
 * The exact posterior distribution of the mastered count, P(M = c | answers) for c = 0..n: given θ the tubes
 * are independent, so their state distributions are convolved, then mixed over the grid's weights. About
 * 57 × Σ (count so far × tube states) products — a million on post-bac content, computed once at completion.
 */
export function countDistribution(state: PosteriorState): Float64Array {
  const n = state.targetCount;
  const total = new Float64Array(n + 1);
  let current = new Float64Array(n + 1);
  let next = new Float64Array(n + 1);
  for (let g = 0; g < state.weights.length; g++) {
    const w = state.weights[g];
    if (w < NEGLIGIBLE_WEIGHT) continue;
    current.fill(0);
    current[0] = 1;
    let reach = 0;
    for (const tube of state.tubes) {
      next.fill(0, 0, reach + tube.states);
      const offset = g * tube.states;
      for (let c = 0; c <= reach; c++) {
        const p = current[c];
        if (p === 0) continue;
        for (let k = 0; k < tube.states; k++) next[c + k] += p * tube.probabilities[offset + k];
      }
      reach += tube.states - 1;
      [current, next] = [next, current];
    }
    // Target skills outside every tube cannot exist (tubes are built from them): reach === n.
    for (let c = 0; c <= reach; c++) total[c] += w * current[c];
  }
  return total;
}

/**
 * The posterior median of the mastered count: the smallest count with P(M ≤ c) ≥ ½. Shown as the result,
 * it minimises the expected absolute error (the posterior mean minimises the squared one), and it reaches
 * 0 % or 100 % when the answers make the end of the scale the most likely, where a mean never goes.
 */
export function medianCount(distribution: Float64Array): number {
  let cumulative = 0;
  for (let c = 0; c < distribution.length; c++) {
    cumulative += distribution[c];
    if (cumulative >= 0.5 - 1e-12) return c;
  }
  return distribution.length - 1;
}
