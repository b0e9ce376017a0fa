/**
 * Mastery rates as stored and as displayed.
 * Stored: a ratio 0..1 (validated campaign skills / campaign skills, on the snapshot taken at sharing).
 * Displayed: an integer percentage, rounded half up, computed from the counts so that binary floating
 * point never turns 28.5 % into 28 %.
 */

/** validated / targeted, 0..1 (0 when nothing is targeted). */
export function masteryRate(validatedCount: number, targetedCount: number): number {
  assertCounts(validatedCount, targetedCount);
  return targetedCount === 0 ? 0 : validatedCount / targetedCount;
}

/**
 * round(100 × validated / targeted) as an integer, half up, exact on integers:
 * floor((200·v + t) / (2·t)) = floor(100·v/t + 1/2).
 * Used for the global result and for each competence ("Résultats par compétence").
 */
export function masteryPercent(validatedCount: number, targetedCount: number): number {
  assertCounts(validatedCount, targetedCount);
  if (targetedCount === 0) return 0;
  return Math.floor((200 * validatedCount + targetedCount) / (2 * targetedCount));
}

/** Per-competence result: same rounding as the global one. */
export const competenceResultPercent = masteryPercent;

/**
 * Integer percentage of a stored ratio (0..1). Goes through 8 decimals first so that
 * 0.285 × 100 = 28.499999999999996 is read as 28.5 and displayed 29, like the counts would give.
 */
export function masteryPercentFromRate(rate: number): number {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new RangeError(`mastery rate must be within 0..1, got ${rate}`);
  }
  return Math.round(Number((rate * 100).toFixed(8)));
}

/**
 * Decimal rounding, half away from zero, without binary surprises (1.005 → 1.01 at 2 decimals):
 * the shift is done on the decimal string representation.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new RangeError(`decimals must be an integer within 0..15, got ${decimals}`);
  }
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  const text = String(abs);
  // "1e-7" or "1e+21" cannot take an extra exponent; such values are far from any half anyway.
  const shifted = Math.round(text.includes("e") ? abs * 10 ** decimals : Number(`${text}e${decimals}`));
  const result = (sign * shifted) / 10 ** decimals;
  return result === 0 ? 0 : result; // no "-0"
}

function assertCounts(validatedCount: number, targetedCount: number): void {
  if (!Number.isInteger(validatedCount) || !Number.isInteger(targetedCount) || validatedCount < 0 || targetedCount < 0) {
    throw new RangeError(`counts must be non-negative integers, got ${validatedCount}/${targetedCount}`);
  }
  if (validatedCount > targetedCount) {
    throw new RangeError(`validated (${validatedCount}) cannot exceed targeted (${targetedCount})`);
  }
}
