import { randomString, type RandomInt } from "../shared/random-code";

/** Letters A–Z without I, L, O (read aloud without confusion) and digits 2–9. */
export const CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_DIGITS = "23456789";
export const CAMPAIGN_CODE_PATTERN = /^[A-HJKMNP-Z]{6}[2-9]{3}$/;

/** A campaign code: 6 letters then 3 digits, e.g. ABCDEF234 (about 36 bits). */
export function generateCampaignCode(randomInt: RandomInt): string {
  return randomString(CODE_LETTERS, 6, randomInt) + randomString(CODE_DIGITS, 3, randomInt);
}

/** What a pupil typed, as a code: trimmed, spaces removed, upper-cased. */
export function normalizeCampaignCode(typed: string): string {
  return typed.replace(/\s+/g, "").toUpperCase();
}

export function isWellFormedCampaignCode(code: string): boolean {
  return /^[A-Z]{6}\d{3}$/.test(code);
}

/**
 * Generates codes until `isTaken` says one is free (the database constraint is the final judge:
 * callers retry on a unique violation too). Gives up after `maxAttempts`.
 */
export async function findFreeCampaignCode(randomInt: RandomInt, isTaken: (code: string) => Promise<boolean>, maxAttempts = 20): Promise<string> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const code = generateCampaignCode(randomInt);
    if (!(await isTaken(code))) return code;
  }
  throw new Error("Impossible de trouver un code de campagne libre.");
}
