import "server-only";
import type pg from "pg";
import { createDatabase, type PrismaClient } from "./prisma-factory";
import { env } from "../env";

type Database = { prisma: PrismaClient; pool: pg.Pool };
/**
 * One database per copy of these modules in the process, kept on globalThis (a dev reload keeps it). Keyed by this
 * copy's own factory: scripts/server.ts's answer fast path loads lib outside Next.js's bundle (docs/adr/0018), and
 * its pool must not be Next's, whose Prisma classes are another copy's.
 */
const globalForPrisma = globalThis as unknown as { pixDatabases?: Map<unknown, Database> };
let poolSize: number | null = null;
let keepIdleMs: number | undefined;

/**
 * This copy's pool size, instead of DATABASE_POOL_SIZE: before the first query only (the answer fast path). With
 * `keepIdleMs`, its idle connections stay open that long instead of pg's 10 s: the answer path's few connections, opened
 * warm at start (answer-warm-up.ts), are still there when a class starts answering after a quiet quarter of an hour
 * (opened under load, each cost a login and, behind PgBouncer, possibly a new server backend: ADR 0013 « 07/12 (6) »).
 */
export function sizeDatabasePool(max: number, options: { keepIdleMs?: number } = {}): void {
  poolSize = max;
  keepIdleMs = options.keepIdleMs;
}

function database(): Database {
  const databases = (globalForPrisma.pixDatabases ??= new Map());
  let found = databases.get(createDatabase);
  if (!found) {
    const settings = env();
    found = createDatabase(settings.DATABASE_URL, poolSize ?? settings.DATABASE_POOL_SIZE, settings.DATABASE_POOL_WAIT_MS, keepIdleMs);
    databases.set(createDatabase, found);
  }
  return found;
}

const client = (): PrismaClient => database().prisma;

/**
 * The pg pool under `db` (same connections, same round-trip counting), for reads streaming many rows
 * where Prisma's decoding costs more than the query. Only lib/db imports it.
 */
export function pgPool(): pg.Pool {
  return database().pool;
}

/**
 * The Prisma client of this copy of lib (one per process, plus the answer fast path's), created on first use (so that `next build` needs no database).
 * Only lib/db imports it.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(client(), property),
});
