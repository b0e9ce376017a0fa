import type { RandomInt } from "../shared/random-code";
import { foldName } from "./normalize-name";

/** Number of random suffixes offered after the base, before the caller gives up. */
export const USERNAME_RANDOM_ATTEMPTS = 50;
const BIRTH_SUFFIX_LENGTH = 4;

/** Usernames are typed on any keyboard: ASCII letters and digits only inside each part. */
function usernamePart(value: string): string {
  const part = foldName(value).replace(/[^a-z0-9]/g, "");
  // A name written only in another script would leave nothing: keep a readable placeholder.
  return part || "eleve";
}

/**
 * `prenom.nom` + DDMM of the birthdate (createUsernameByUser in Pix):
 * Léa Dupont born 2011-12-01 → "lea.dupont0112"; "Jean-Éric" "D'Artagnan" → "jeaneric.dartagnan…".
 */
export function baseUsername(firstName: string, lastName: string, birthdate: string): string {
  const date = /^\d{4}-(\d{2})-(\d{2})$/.exec(birthdate);
  if (!date) throw new Error(`baseUsername expects a YYYY-MM-DD birthdate, got "${birthdate}"`);
  const [, month, day] = date;
  return `${usernamePart(firstName)}.${usernamePart(lastName)}${day}${month}`;
}

/**
 * The usernames to try, in order: the base, then `prenom.nom` + 4 random digits (never the same twice).
 * Finite on purpose: the caller takes the first free one and reports an error if all are taken.
 */
export function* usernameCandidates(base: string, randomInt: RandomInt, attempts = USERNAME_RANDOM_ATTEMPTS): Generator<string> {
  yield base;
  const stem = base.slice(0, -BIRTH_SUFFIX_LENGTH);
  const seen = new Set([base]);
  for (let i = 0; i < attempts; i++) {
    const candidate = stem + String(randomInt(10_000)).padStart(BIRTH_SUFFIX_LENGTH, "0");
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    yield candidate;
  }
}
