import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma-factory";
import { env } from "../env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.prisma) globalForPrisma.prisma = createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.prisma;
}

/**
 * The single Prisma client of the process, created on first use (so that `next build` needs no database).
 * Only lib/db imports it.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(client(), property),
});
