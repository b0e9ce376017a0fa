/**
 * The memory trend of a soak, stated honestly: the least-squares slope of evenly spaced samples with its 95 %
 * confidence interval (Student's t on n − 2 degrees of freedom). « Flat » is a claim that the interval contains 0
 * and is narrow; a slope whose interval excludes 0 is a growth (or a fall), whatever its size.
 */
export type Trend = { slope: number; low: number; high: number; samples: number };

/** Two-sided 97.5 % quantiles of Student's t for 1…30 degrees of freedom; beyond, the normal's 1.96 is close enough. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function studentT975(degrees: number): number {
  if (degrees < 1) return Number.POSITIVE_INFINITY;
  return degrees <= T975.length ? T975[degrees - 1] : 1.96;
}

/** `samples[i]` taken at i × `step` (e.g. minutes): the slope per unit of `step`, with its 95 % interval. */
export function trendOf(samples: number[], step: number): Trend {
  const n = samples.length;
  if (n < 3) return { slope: Number.NaN, low: Number.NaN, high: Number.NaN, samples: n };
  const xs = samples.map((_, i) => i * step);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = samples.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  const slope = xs.reduce((sum, x, i) => sum + (x - mx) * (samples[i] - my), 0) / sxx;
  const intercept = my - slope * mx;
  const residuals = samples.reduce((sum, y, i) => sum + (y - (intercept + slope * xs[i])) ** 2, 0);
  const standardError = Math.sqrt(residuals / (n - 2) / sxx);
  const half = studentT975(n - 2) * standardError;
  return { slope, low: slope - half, high: slope + half, samples: n };
}

/** « +1.2 Mo/min [−0.3 ; +2.7] (IC 95 %, 10 points) », and whether 0 is inside the interval. */
export function trendText(trend: Trend, unit: string): string {
  const signed = (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(2)}`;
  if (Number.isNaN(trend.slope)) return `— (${trend.samples} points, trop peu)`;
  const flat = trend.low <= 0 && trend.high >= 0;
  const verdict = flat ? "0 dans l'intervalle : pas de pente démontrée" : trend.low > 0 ? "croissance démontrée" : "baisse démontrée";
  // « No slope shown » over a few minutes is not « flat » over a school day: the growth the interval still allows, per hour.
  const perHour = flat && unit.endsWith("/min") ? `, une croissance jusqu'à ${signed(trend.high * 60)} ${unit.slice(0, -"/min".length)}/h n'est pas exclue` : "";
  return `${signed(trend.slope)} ${unit} [${signed(trend.low)} ; ${signed(trend.high)}] (IC 95 %, ${trend.samples} points ; ${verdict}${perHour})`;
}
