/**
 * The precision shown beside a mastery rate: « 62 % ± 6 » or « 62 % ± 4,5 », where ± is twice the posterior
 * standard error of the rate (lib/domain/assessment/mastery-posterior.ts), in points, rounded to the half
 * point. About 95 pupils in 100 have their true rate within it (measured by bench/adaptive). Results kept
 * before the engine computed it have no standard error: they show no ±.
 *
 * Why the half point: on long tests the ± is 3–6 points and the rate moves by whole skills (about one point
 * on 96 skills), so rounding the ± to a whole point changed what it covers — read as shown, « % ± » covered
 * the truth for 92.9 % of simulated pupils where 2σ itself covered 94.6 % (rentrée 3e, smart random). To the
 * half point, the ± as read covers as often as 2σ (within 0.3 point on every bench row;
 * docs/adr/0011-mastery-posterior.md, amendment 07/12). It is a finer reading of the same 2σ, not a margin.
 */

/** The ± is shown to this step, in points. */
export const PRECISION_STEP = 0.5;

/**
 * ± in points, to the half point (at least 1: the shown percentage is itself rounded to a whole point);
 * null without a standard error. Rounded half up from 4 decimals, so 2σ = 4.25 is 4,5 whatever the binary.
 */
export function precisionPoints(standardError: number | null | undefined): number | null {
  if (standardError === null || standardError === undefined || !Number.isFinite(standardError) || standardError < 0) return null;
  const halfPoints = Math.round(Number(((200 * standardError) / PRECISION_STEP).toFixed(4)));
  return Math.max(1, halfPoints * PRECISION_STEP);
}

/** « 6 », « 4,5 »: a number of points as French text (decimal comma). */
export function pointsText(points: number): string {
  return String(points).replace(".", ",");
}

/** The range a shown result stands for, within 0..100 %. */
export function precisionRange(percent: number, points: number): { low: number; high: number } {
  return { low: Math.max(0, percent - points), high: Math.min(100, percent + points) };
}

/** The line of « Clés de lecture des résultats » about the ±. */
export const PRECISION_KEY_TEXT =
  "Le « ± » donne la précision de la mesure : le résultat réel de l'élève se situe, dans 95 % des cas, à moins de ce nombre de points du résultat affiché. Les résultats envoyés avant la mise en place de ce calcul s'affichent sans « ± ».";
