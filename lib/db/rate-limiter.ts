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

/** Throws when the key is already over its limit, without counting an attempt. */
export async function assertNotLimited(name: LimitName, key: string): Promise<void> {
  const state = await limiter(name).get(key);
  if (state && state.consumedPoints > LIMITS[name].points) throw new RateLimitedError(state.msBeforeNext / 1000);
  if (state && state.consumedPoints >= LIMITS[name].points && state.remainingPoints <= 0) {
    throw new RateLimitedError(state.msBeforeNext / 1000);
  }
}
