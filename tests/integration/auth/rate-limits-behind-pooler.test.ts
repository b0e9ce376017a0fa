import { describe, expect, it } from "vitest";
import pg from "pg";
import { assertNotLimited, clearLimit, consumeAttempt, countFailure } from "@/lib/db/rate-limiter";
import { RateLimitedError } from "@/lib/domain/shared/errors";

/**
 * The limits live in PostgreSQL and are reached through DATABASE_URL, PgBouncer in transaction mode in the layout of
 * docs/deploy.md. PgBouncer 1.18 lends a server connection for one transaction: a statement prepared under a name
 * by one app process is « already there » for the next client of that connection (42P05), and logins failed
 * (found by the two-process answer bench, 07/12). The limiter must leave no named statement on a server connection.
 */
describe("rate limits behind a transaction-mode pooler", () => {
  it("count, refuse and clear without preparing a named statement on the server connection", async () => {
    const key = `pooler-${Date.now()}`;
    for (let i = 0; i < 10; i++) await countFailure("loginFailuresByLoginAndAddress", key);
    await expect(assertNotLimited("loginFailuresByLoginAndAddress", key)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(consumeAttempt("loginFailuresByLoginAndAddress", key)).rejects.toBeInstanceOf(RateLimitedError);
    await clearLimit("loginFailuresByLoginAndAddress", key);
    await assertNotLimited("loginFailuresByLoginAndAddress", key);
    // Every server connection of the limiter's pool (at most 3), held at once.
    const limiterPool = (globalThis as unknown as { rateLimitPool: pg.Pool }).rateLimitPool;
    const clients = await Promise.all(Array.from({ length: 3 }, () => limiterPool.connect()));
    try {
      const named = await Promise.all(clients.map((c) => c.query<{ name: string }>("SELECT name FROM pg_prepared_statements")));
      expect(named.flatMap((r) => r.rows.map((row) => row.name))).toEqual([]);
    } finally {
      for (const c of clients) c.release();
    }
  });
});
