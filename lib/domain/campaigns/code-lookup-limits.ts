import { minutesToWait, plural, type LimitName } from "../limits/limits";

/**
 * Who looks a campaign code up, and under which budgets of failed look-ups (lib/domain/limits/limits.ts): the
 * address, plus the account when signed in, or the budget shared by every anonymous visitor. An attacker who types
 * a different code each time never repeats a target, so the limits hold the one who asks, never the code asked for.
 */
export type CodeRequester = { addressKey: string; userId: number | null };

export const ANONYMOUS_VISITORS_KEY = "visiteurs-anonymes";

export function codeLookupChecks(requester: CodeRequester): { name: LimitName; key: string }[] {
  return [
    { name: "codeFailuresByAddress", key: requester.addressKey },
    ...(requester.userId === null
      ? [
          { name: "codeFailuresAnonymous" as const, key: ANONYMOUS_VISITORS_KEY },
          { name: "codeFailuresBeforeSharedBudget" as const, key: requester.addressKey },
        ]
      : [{ name: "codeFailuresByAccount" as const, key: `compte-${requester.userId}` }]),
  ];
}

export type CodeLookupRefusal = { limit: LimitName; seconds: number };

/**
 * The spent budget that refuses this look-up, or null. The budget of all anonymous visitors refuses only an address
 * that failed a few times itself: otherwise whoever spends it (a few addresses in a minute) would shut « J'ai un
 * code » for every pupil of every school.
 */
export function codeLookupRefusal(spent: readonly CodeLookupRefusal[]): CodeLookupRefusal | null {
  const isSpent = (name: LimitName) => spent.find((entry) => entry.limit === name) ?? null;
  const shared = isSpent("codeFailuresBeforeSharedBudget") ? isSpent("codeFailuresAnonymous") : null;
  return isSpent("codeFailuresByAddress") ?? isSpent("codeFailuresByAccount") ?? shared;
}

export function codeLookupRefusalMessage(refusal: CodeLookupRefusal): string {
  if (refusal.limit === "codeFailuresAnonymous") {
    return "Trop de codes erronés ont été saisis ces derniers temps. Connectez-vous (« Se connecter »), puis saisissez à nouveau votre code.";
  }
  return `Trop de codes erronés ont été saisis. Vérifiez votre code auprès de votre enseignant et réessayez dans ${plural(minutesToWait(refusal.seconds), "minute")}.`;
}
