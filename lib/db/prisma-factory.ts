import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

/**
 * Statements sent to PostgreSQL by this process (each one is a network round trip). Read by the
 * integration test that keeps the answer path lean, and cheap enough to keep in production.
 */
export const roundTrips: { count: number; log: string[] | null } = { count: 0, log: null };

/** `keepIdleMs`: how long an idle connection stays open (pg's default, 10 s, when not given). */
function countingPool(connectionString: string, max: number, queueDeadlineMs?: number, keepIdleMs?: number): pg.Pool {
  // A bound on the queue (connectionTimeoutMillis): past it, a request gets "timeout exceeded when trying to connect"
  // instead of waiting behind a growing queue. The answer path has its own, shorter deadline (answer-transaction.ts).
  const pool = new pg.Pool({ connectionString, max, ...(queueDeadlineMs ? { connectionTimeoutMillis: queueDeadlineMs } : {}), ...(keepIdleMs !== undefined ? { idleTimeoutMillis: keepIdleMs } : {}) });
  // An idle connection closed by the server (restart, failover) must not crash the process: the pool reconnects.
  pool.on("error", (error) => console.warn(`[base de données] connexion perdue : ${error.message}`));
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      roundTrips.count++;
      // Only when a test asks for the statements themselves (to count transactions).
      if (roundTrips.log) roundTrips.log.push(typeof args[0] === "string" ? args[0] : String((args[0] as { text?: string })?.text ?? ""));
      return query(...args);
    };
  });
  return pool;
}

/**
 * A Prisma client on the pg driver adapter (no native query engine) and the pg pool under it, for the
 * few reads that stream many rows and are cheaper through pg directly (the CSV export). Both count in
 * `roundTrips`.
 */
export function createDatabase(connectionString: string, max = 10, queueDeadlineMs?: number, keepIdleMs?: number): { prisma: PrismaClient; pool: pg.Pool } {
  const pool = countingPool(connectionString, max, queueDeadlineMs, keepIdleMs);
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
}

/** Builds a Prisma client on the pg driver adapter (no native query engine). */
export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  return createDatabase(connectionString, max).prisma;
}

export type { PrismaClient };
