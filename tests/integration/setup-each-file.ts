import { inject, beforeEach, afterAll } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.APP_URL ??= "http://localhost:3000";

const { db } = await import("@/lib/db/client");
const { answerStates } = await import("@/lib/db/repositories/answer-states");
const { clearMemos } = await import("@/lib/db/repositories/memo");

/** Every table except the learning content is emptied before each test: each test starts clean. */
const CONTENT_TABLES = new Set(["areas", "competences", "tubes", "skills", "challenges", "tutorials", "target_profiles", "target_profile_tubes", "stages", "_prisma_migrations"]);

beforeEach(async () => {
  const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
  );
  const toTruncate = tables.map((t) => t.tablename).filter((t) => !CONTENT_TABLES.has(t));
  if (toTruncate.length) await db.$executeRawUnsafe(`TRUNCATE ${toTruncate.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
  // The ids start again at 1: a state remembered by the answer path (answer-states.ts) would describe another test's rows.
  answerStates.clear();
  // Same for the content kept in memory per campaign id or code (memo.ts).
  clearMemos();
});

afterAll(async () => {
  await db.$disconnect();
});
