import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env";
import { RateLimitedError } from "../domain/shared/errors";

/** Rate limits shared by every app process: counters live in PostgreSQL (table rate_limits). */
const LIMITS = {
  /** Failed invitation-code lookups per address. */
  invitationCode: { points: 20, duration: 15 * 60 },
  /** Failed reset-token lookups per address. */
  resetToken: { points: 20, duration: 15 * 60 },
  /** Password-reset requests per address. */
  resetRequest: { points: 10, duration: 60 * 60 },
  /** Self-activation requests per address. */
  activation: { points: 10, duration: 60 * 60 },
  /** Campaign-code lookups per address and per account (codes must not be enumerable). */
  campaignCode: { points: 30, duration: 10 * 60 },
  /**
   * Failed identity checks on a school's roster (name + birthdate), per roster entry the typed name aims at and per
   * typed name: no change of address or spelling escapes them. 5 an hour, 20 a day: trying every day of a year
   * takes weeks, while a pupil who mistypes a few times is not blocked long (docs/security-accounts.md).
   */
  identityTarget: { points: 5, duration: 60 * 60 },
  identityTargetDaily: { points: 20, duration: 24 * 60 * 60 },
  /** Failed identity checks per signed-in account. */
  identityAccount: { points: 10, duration: 60 * 60 },
  /** Failed identity checks per address: a class behind one address may mistype, not sweep a roster. */
  identityAddress: { points: 50, duration: 10 * 60 },
  /** Password checks of « Supprimer mon compte » per account (a session left open is no password oracle). */
  accountDeletion: { points: 5, duration: 15 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

const globalForLimiter = globalThis as unknown as { rateLimitPool?: Pool; limiters?: Map<LimitName, RateLimiterPostgres> };

function limiter(name: LimitName): RateLimiterPostgres {
  if (!globalForLimiter.rateLimitPool) {
    globalForLimiter.rateLimitPool = new Pool({ connectionString: env().DATABASE_URL, max: 3 });
    globalForLimiter.rateLimitPool.on("error", (error) => console.warn(`[limitation] connexion perdue : ${error.message}`));
  }
  globalForLimiter.limiters ??= new Map();
  let existing = globalForLimiter.limiters.get(name);
  if (!existing) {
    existing = new RateLimiterPostgres({
      storeClient: globalForLimiter.rateLimitPool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: name,
      ...LIMITS[name],
    });
    globalForLimiter.limiters.set(name, existing);
  }
  return existing;
}

/** Counts one attempt; throws a RateLimitedError (with the wait in minutes) once the limit is passed. */
export async function consumeAttempt(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(error.msBeforeNext / 1000);
    throw error;
  }
}

/** Gives back an attempt counted by consumeAttempt (limits that count failures only: refunded on success). */
export async function refundAttempt(name: LimitName, key: string): Promise<void> {
  await limiter(name).reward(key, 1);
}

/** Throws when the key is already over its limit, without counting an attempt. */
export async function assertNotLimited(name: LimitName, key: string): Promise<void> {
  const state = await limiter(name).get(key);
  if (state && state.consumedPoints > LIMITS[name].points) throw new RateLimitedError(state.msBeforeNext / 1000);
  if (state && state.consumedPoints >= LIMITS[name].points && state.remainingPoints <= 0) {
    throw new RateLimitedError(state.msBeforeNext / 1000);
  }
}
