/**
 * Password policy (docs/adr/0003-accounts-and-passwords.md): 8 to 128 characters with at least one
 * lowercase letter, one uppercase letter and one digit. With the login throttling, this meets the
 * CNIL 2022-100 case "password + restriction of access" (about 50 bits).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_RULE_TEXT =
  "Le mot de passe doit contenir au moins 8 caractères, dont une majuscule, une minuscule et un chiffre.";

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return PASSWORD_RULE_TEXT;
  if (password.length > PASSWORD_MAX_LENGTH) return "Le mot de passe ne doit pas dépasser 128 caractères.";
  if (!/\p{Ll}/u.test(password) || !/\p{Lu}/u.test(password) || !/\d/.test(password)) return PASSWORD_RULE_TEXT;
  return null;
}
