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
    requester.userId === null ? { name: "codeFailuresAnonymous", key: ANONYMOUS_VISITORS_KEY } : { name: "codeFailuresByAccount", key: `compte-${requester.userId}` },
  ];
}

export function codeLookupRefusalMessage(refusal: { limit: LimitName; seconds: number }): string {
  if (refusal.limit === "codeFailuresAnonymous") {
    return "Trop de codes erronés ont été saisis ces derniers temps. Connectez-vous (« Se connecter »), puis saisissez à nouveau votre code.";
  }
  return `Trop de codes erronés ont été saisis. Vérifiez votre code auprès de votre enseignant et réessayez dans ${plural(minutesToWait(refusal.seconds), "minute")}.`;
}
