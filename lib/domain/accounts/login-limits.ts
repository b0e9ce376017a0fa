import { minutesToWait, plural, type LimitName } from "../limits/limits";

/**
 * Which limits hold a login attempt (docs/security.md, § 6): per address, per (typed login, address) and per
 * account. The per-address and per-account limits are skipped on a device where this account already signed in,
 * unless that device spent its own budget of failures. Unknown logins are keyed on their text, so that they behave exactly like
 * existing accounts (no way to tell them apart by getting blocked).
 */
export type LoginKeys = { address: string; account: string; device: string | null };

export function loginChecks(keys: LoginKeys): { name: LimitName; key: string }[] {
  return [
    { name: "loginFailuresByAddress", key: keys.address },
    { name: "loginFailuresByLoginAndAddress", key: `${keys.account}@${keys.address}` },
    { name: "loginFailuresByAccount", key: keys.account },
    ...(keys.device ? [{ name: "loginFailuresByDevice" as const, key: keys.device }] : []),
  ];
}

export type LoginRefusal = { limit: LimitName; seconds: number };

/**
 * The limit that refuses this attempt (before the password is even checked), or null. A browser where this very
 * account signed in before (and whose cookie has not spent its own budget) is held neither by the account budget nor
 * by the address one: otherwise one pupil spraying from behind a school's address would sign out the whole school.
 * Its failures are still counted everywhere, and past 10 the cookie loses the exemption.
 */
export function loginRefusal(spent: readonly LoginRefusal[], hasTrustedDevice: boolean): LoginRefusal | null {
  const isSpent = (name: LimitName) => spent.find((entry) => entry.limit === name) ?? null;
  const deviceStillTrusted = hasTrustedDevice && !isSpent("loginFailuresByDevice");
  if (deviceStillTrusted) return isSpent("loginFailuresByLoginAndAddress");
  return isSpent("loginFailuresByAddress") ?? isSpent("loginFailuresByLoginAndAddress") ?? isSpent("loginFailuresByAccount");
}

export function loginRefusalMessage(refusal: LoginRefusal): string {
  const wait = plural(minutesToWait(refusal.seconds), "minute");
  if (refusal.limit === "loginFailuresByAddress") return `Trop de tentatives de connexion depuis votre réseau. Réessayez dans ${wait}.`;
  if (refusal.limit === "loginFailuresByAccount") {
    return `Trop de tentatives : ce compte est bloqué pendant ${wait}. Vous pouvez toujours vous connecter depuis un appareil où vous vous êtes déjà connecté(e).`;
  }
  return `Trop de tentatives : votre compte est bloqué pendant ${wait}. Réessayez plus tard.`;
}

export const INVALID_CREDENTIALS_MESSAGE = "L'adresse e-mail ou l'identifiant et/ou le mot de passe saisis sont incorrects.";
