/**
 * Every limit of the platform with its numbers, in one table (docs/security.md, § 6, explains each choice).
 * `points` attempts per `duration` seconds; `blockDuration` keeps the key refused that long once the budget is
 * spent (otherwise the window simply runs out). Only failures are counted where noted: a class of 35 pupils
 * behind one school address signing in or typing the right code never spends anything.
 */
export type Limit = { points: number; duration: number; blockDuration?: number };

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const LIMITS = {
  /** Failed invitation-code look-ups per address. */
  invitationCode: { points: 20, duration: 15 * MINUTE },
  /** Failed reset-token look-ups per address. */
  resetToken: { points: 20, duration: 15 * MINUTE },
  /** Password-reset requests per address. */
  resetRequest: { points: 10, duration: HOUR },
  /** Self-activation requests per address. */
  activation: { points: 10, duration: HOUR },
  /**
   * Birthdate checks of a GAR first arrival, per GAR identity (the name is historical: identity checks on a
   * restricted campaign have their own limits below, identity…).
   */
  campaignCode: { points: 30, duration: 10 * MINUTE },

  /**
   * Campaign codes, typed in « J'ai un code » or opened as /campagnes/CODE: failed look-ups only. Per address:
   * three classes mistyping at the same time behind one school address stay far below 50.
   */
  codeFailuresByAddress: { points: 50, duration: 10 * MINUTE },
  /** …per signed-in account, whatever address it comes from. */
  codeFailuresByAccount: { points: 20, duration: 10 * MINUTE },
  /**
   * …and one budget for every anonymous visitor together: an attacker spreading random codes over many addresses
   * spends it. It then holds only the anonymous addresses that failed themselves (codeFailuresBeforeSharedBudget):
   * a visitor who has not mistyped is never refused because of others (signed-in pupils keep their own budget).
   */
  codeFailuresAnonymous: { points: 1000, duration: HOUR },
  /**
   * Failed look-ups of an anonymous address past which the shared budget above applies to it. Once it is spent, a
   * sweep goes on at 4 codes per address per 10 minutes at most, while a pupil who has not mistyped still gets in.
   */
  codeFailuresBeforeSharedBudget: { points: 5, duration: 10 * MINUTE },

  /**
   * Failed identity checks on a school's roster (name + birthdate), per roster entry the typed name aims at and per
   * typed name: no change of address or spelling escapes them. 5 an hour, 20 a day: trying every day of a year
   * takes weeks, while a pupil who mistypes a few times is not blocked long (docs/security.md, § 13).
   */
  identityTarget: { points: 5, duration: HOUR },
  identityTargetDaily: { points: 20, duration: 24 * HOUR },
  /** Failed identity checks per signed-in account. */
  identityAccount: { points: 10, duration: HOUR },
  /** Failed identity checks per address: a class behind one address may mistype, not sweep a roster. */
  identityAddress: { points: 50, duration: 10 * MINUTE },
  /**
   * Passwords asked of a signed-in session, per account: « Supprimer mon compte » and the wrong current passwords of
   * the password change in « Mon compte ». One budget for both: a session left open is no password oracle.
   */
  currentPassword: { points: 5, duration: 15 * MINUTE },

  /**
   * « Signaler un problème » under a question, per account (every attempt counts): 20 an hour is more than a pupil
   * meets questions worth reporting, and keeps one account from flooding the content authors' report.
   */
  problemReports: { points: 20, duration: HOUR },

  /** Failed logins per address (any account): stops spraying one password over many accounts. */
  loginFailuresByAddress: { points: 100, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  /** Failed logins per (typed login, address): guessing one account from one place. */
  loginFailuresByLoginAndAddress: { points: 10, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  /**
   * Failed logins per account from everywhere (≤ 30 an hour, under ASVS 2.2.1's 100). A browser where the account
   * already signed in (device cookie) is not held by it: an attacker cannot lock the real user out.
   */
  loginFailuresByAccount: { points: 30, duration: HOUR, blockDuration: HOUR },
  /** Failed logins through one device cookie: past this, the cookie no longer exempts from the account limit. */
  loginFailuresByDevice: { points: 10, duration: HOUR },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/** Minutes to show for a wait, never "0 minute". */
export function minutesToWait(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

export const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? "s" : ""}`;
