/**
 * The precision shown beside a mastery rate: « 62 % ± 6 », where ± is twice the posterior standard error
 * of the rate (lib/domain/assessment/mastery-posterior.ts), in points, rounded. About 95 pupils in 100 have
 * their true rate within it (measured by bench/adaptive). Results kept before the engine computed it have
 * no standard error: they show no ±.
 */

/** ± in whole points (at least 1: the shown percentage is itself rounded); null without a standard error. */
export function precisionPoints(standardError: number | null | undefined): number | null {
  if (standardError === null || standardError === undefined || !Number.isFinite(standardError) || standardError < 0) return null;
  return Math.max(1, Math.round(200 * standardError));
}

/** The range a shown result stands for, within 0..100 %. */
export function precisionRange(percent: number, points: number): { low: number; high: number } {
  return { low: Math.max(0, percent - points), high: Math.min(100, percent + points) };
}

/** The line of « Clés de lecture des résultats » about the ±. */
export const PRECISION_KEY_TEXT =
  "Le « ± » donne la précision de la mesure : le résultat réel de l'élève se situe, dans 95 % des cas, à moins de ce nombre de points du résultat affiché. Les résultats envoyés avant la mise en place de ce calcul s'affichent sans « ± ».";
