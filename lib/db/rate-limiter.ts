import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env";
import { LIMITS, type LimitName } from "../domain/limits/limits";
import { RateLimitedError } from "../domain/shared/errors";

export type { LimitName } from "../domain/limits/limits";

/** Rate limits shared by every app process: counters live in PostgreSQL (table rate_limits, rows `<name>:<key>`). */
const TABLE = "rate_limits";

const globalForLimiter = globalThis as unknown as { rateLimitPool?: Pool; limiters?: Map<LimitName, RateLimiterPostgres> };

function pool(): Pool {
  if (!globalForLimiter.rateLimitPool) {
    globalForLimiter.rateLimitPool = new Pool({ connectionString: env().DATABASE_URL, max: 3 });
    globalForLimiter.rateLimitPool.on("error", (error) => console.warn(`[limitation] connexion perdue : ${error.message}`));
  }
  return globalForLimiter.rateLimitPool;
}

/**
 * The pool as the limiter's store, minus the names it gives its statements: a named statement is prepared on the
 * server connection, which PgBouncer in transaction mode (docs/deploy.md) lends to another client after the
 * transaction — « already exists » (42P05) there, and every login failed. Unnamed, each is parsed again: a few
 * statements per login, nothing next to the password hash.
 */
const unnamedStore = {
  query: (statement: { text: string; values?: unknown[] }) => pool().query({ text: statement.text, values: statement.values }),
};

function limiter(name: LimitName): RateLimiterPostgres {
  globalForLimiter.limiters ??= new Map();
  let existing = globalForLimiter.limiters.get(name);
  if (!existing) {
    existing = new RateLimiterPostgres({
      storeClient: unnamedStore,
      storeType: "pool",
      tableName: TABLE,
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

/** Counts one failure without refusing anything now: the next check says whether the budget is spent. */
export async function countFailure(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

/** Forgets a key (e.g. the failed logins of an address once it signs in). */
export async function clearLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}

/** Throws when the key is already over its limit, without counting an attempt. */
export async function assertNotLimited(name: LimitName, key: string): Promise<void> {
  const [spent] = await spentLimits([{ name, key }]);
  if (spent) throw new RateLimitedError(spent.seconds);
}

export type LimitCheck = { name: LimitName; key: string };

/**
 * The keys whose budget is spent, in the order given, read in one query (a look-up that succeeds pays this read
 * only, never a write), each with the seconds until it frees up.
 */
export async function spentLimits(checks: readonly LimitCheck[]): Promise<{ limit: LimitName; seconds: number }[]> {
  if (checks.length === 0) return [];
  const now = Date.now();
  const rows = await pool().query<{ key: string; points: number; expire: string | null }>(
    `SELECT key, points, expire FROM ${TABLE} WHERE key = ANY($1) AND (expire IS NULL OR expire > $2)`,
    [checks.map((check) => `${check.name}:${check.key}`), now],
  );
  return checks.flatMap((check) => {
    const row = rows.rows.find((candidate) => candidate.key === `${check.name}:${check.key}`);
    if (!row || row.points < LIMITS[check.name].points) return [];
    return [{ limit: check.name, seconds: row.expire ? (Number(row.expire) - now) / 1000 : 3600 }];
  });
}
