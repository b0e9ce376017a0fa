/**
 * Confidence intervals of the bench. A seed is one independent replication of the whole experiment (new
 * pupils, new assessment ids, new answer noise), so a figure's 95 % interval is the mean over seeds ±
 * t(0.975, seeds − 1) × standard deviation over seeds / √seeds (Student). Pupils within a seed are not
 * independent replications of the engine's behaviour on the content (they share it), which the seed-level
 * interval accounts for. Pooled figures (p90) have no interval.
 */

export const mean = (values: readonly number[]) => (values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length);

/** Nearest-rank 90th (or other) percentile. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

/** t(0.975, df) for df = 1..30; beyond, 1.96 is close enough. */
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export type Interval = { mean: number; halfWidth: number };

/** Mean of per-seed values and the half-width of its 95 % interval (NaN with a single seed). */
export function interval(perSeed: readonly number[]): Interval {
  const n = perSeed.length;
  const m = mean(perSeed);
  if (n < 2) return { mean: m, halfWidth: Number.NaN };
  const variance = perSeed.reduce((total, value) => total + (value - m) ** 2, 0) / (n - 1);
  const t = n - 1 <= T_975.length ? T_975[n - 2] : 1.96;
  return { mean: m, halfWidth: (t * Math.sqrt(variance)) / Math.sqrt(n) };
}

/** Normal-approximation 95 % interval of a mean over independent values (test-wise pupils). */
export function meanInterval(values: readonly number[]): Interval {
  const n = values.length;
  const m = mean(values);
  if (n < 2) return { mean: m, halfWidth: Number.NaN };
  const variance = values.reduce((total, value) => total + (value - m) ** 2, 0) / (n - 1);
  return { mean: m, halfWidth: (1.96 * Math.sqrt(variance)) / Math.sqrt(n) };
}

/**
 * Questions needed to reach `targetError` along a curve of (questions, error) points (one per stopping
 * target, from short to long tests): linear interpolation between the two points around it. Outside the
 * curve: null when even the longest test is less precise, the shortest test's questions when it is already
 * as precise (an upper bound).
 */
export function questionsAtError(points: readonly { questions: number; error: number }[], targetError: number): { questions: number; isBound: boolean } | null {
  const curve = [...points].sort((a, b) => a.questions - b.questions);
  if (curve.length === 0) return null;
  if (curve[0].error <= targetError) return { questions: curve[0].questions, isBound: true };
  for (let i = 1; i < curve.length; i++) {
    const [short, long] = [curve[i - 1], curve[i]];
    if (long.error <= targetError) {
      const share = short.error === long.error ? 1 : (short.error - targetError) / (short.error - long.error);
      return { questions: short.questions + share * (long.questions - short.questions), isBound: false };
    }
  }
  return null;
}
