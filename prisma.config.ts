import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate, and `prisma migrate deploy` on machines that have Prisma's native engine).
// Day-to-day migrations here run through scripts/db/migrate.ts (see docs/adr/0002).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
