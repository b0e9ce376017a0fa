import "server-only";
import type pg from "pg";
import { createDatabase, type PrismaClient } from "./prisma-factory";
import { env } from "../env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

function client(): PrismaClient {
  // Both or neither (a dev reload keeps globalThis: a client made before the pool was kept is replaced).
  if (!globalForPrisma.prisma || !globalForPrisma.pgPool) {
    const settings = env();
    const { prisma, pool } = createDatabase(settings.DATABASE_URL, settings.DATABASE_POOL_SIZE, settings.DATABASE_POOL_WAIT_MS);
    globalForPrisma.prisma = prisma;
    globalForPrisma.pgPool = pool;
  }
  return globalForPrisma.prisma;
}

/**
 * The pg pool under `db` (same connections, same round-trip counting), for reads streaming many rows
 * where Prisma's decoding costs more than the query. Only lib/db imports it.
 */
export function pgPool(): pg.Pool {
  client();
  return globalForPrisma.pgPool!;
}

/**
 * The single Prisma client of the process, created on first use (so that `next build` needs no database).
 * Only lib/db imports it.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(client(), property),
});
