/**
 * Password policy (docs/adr/0003-accounts-and-passwords.md, CNIL délibération 2022-100). Logins are limited
 * (lib/domain/limits/limits.ts), which is CNIL's case « mot de passe et restriction d'accès »: at least 50 bits of
 * entropy as CNIL counts them (length × log2 of the character pool), and no common or predictable password — that
 * second check needs a dictionary and runs on the server (lib/auth/password-strength.ts).
 * One-time passwords made by a school for its pupils are random and follow their own rule (domain/roster).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const MIN_ENTROPY_BITS = 50;

export const PASSWORD_RULE_TEXT =
  "Au moins 8 caractères, et plus il est long, mieux c'est : par exemple 9 caractères mêlant majuscules, minuscules et chiffres, 8 avec en plus un caractère spécial, ou une phrase de quelques mots. Évitez les mots de passe courants, les prénoms, les dates et les suites comme « azerty » ou « 123 ».";

export const TOO_GUESSABLE_TEXT = "Ce mot de passe est trop facile à deviner : ajoutez un mot ou quelques caractères inattendus, et évitez les mots de passe courants, les prénoms, les dates et les suites comme « azerty » ou « 123 ».";

/** CNIL's character pools: 26 lowercase, 26 uppercase, 10 digits, 33 others (punctuation, space, accented letters…). */
export function nominalEntropyBits(password: string): number {
  const characters = [...password];
  let pool = 0;
  if (characters.some((c) => c >= "a" && c <= "z")) pool += 26;
  if (characters.some((c) => c >= "A" && c <= "Z")) pool += 26;
  if (characters.some((c) => c >= "0" && c <= "9")) pool += 10;
  if (characters.some((c) => !/[a-zA-Z0-9]/.test(c))) pool += 33;
  return pool === 0 ? 0 : characters.length * Math.log2(pool);
}

/** Length and CNIL entropy; null when the composition is acceptable (the dictionary check comes next). */
export function compositionProblem(password: string): string | null {
  const length = [...password].length;
  if (length > PASSWORD_MAX_LENGTH) return "Le mot de passe ne doit pas dépasser 128 caractères.";
  if (length < PASSWORD_MIN_LENGTH || nominalEntropyBits(password) < MIN_ENTROPY_BITS) return PASSWORD_RULE_TEXT;
  return null;
}
