import type pg from "pg";
import { pgPool } from "../client";
import { allChallengeSources, engineContentOfCampaign } from "./assessment-repository";
import { STATE_CALL, SUBMIT_CALL } from "./answer-transaction";
import { cachedChallengeSource, campaignIdOfCode } from "./content-memory";

/**
 * The answer path made ready before a process takes traffic (scripts/server.ts waits for it before it listens; ADR
 * 0013, amendment « 07/12 (6) »). A cold process put under a full class at once paid, in its first seconds, for what a
 * warm one does not: opening its pool's connections (and, behind PgBouncer, new server connections), PostgreSQL
 * compiling the answer's function and planning its statement on each new backend, and one database read per
 * challenge text and campaign not yet in memory — a backlog past the answer gate's deadline, then retries on top of
 * the class (bench/answer-load/cold.ts shows it second by second). Here, before the first request:
 * - the pool's connections are opened together (as many as the answers let in at once) and each calls
 *   pix_answer_state and pix_answer_submit once (a user id that does not exist: nothing read, nothing written);
 * - every challenge's text goes into memory in one read, so do the engine's content and the code of the campaigns
 *   pupils are answering (the most recently active ones, at most `campaigns`).
 * Never fatal: a warm-up that fails leaves a process that works as before, only colder.
 */
export type WarmUpReport = { connections: number; challenges: number; campaigns: number; ms: number };

export async function warmAnswerPath(options: { connections: number; campaigns: number }): Promise<WarmUpReport> {
  const started = Date.now();
  const pool = pgPool();
  const clients: pg.PoolClient[] = [];
  try {
    // Held together: the pool opens `connections` of them, and PgBouncer as many server connections. All settled
    // before going on: should one be refused (max_connections reached during a deploy), the others obtained are still
    // released below — one kept checked out would be a connection fewer for the answers, for the process's life.
    const opened = await Promise.allSettled(Array.from({ length: options.connections }, () => pool.connect()));
    for (const o of opened) if (o.status === "fulfilled") clients.push(o.value);
    const refused = opened.find((o) => o.status === "rejected");
    if (refused) throw refused.reason;
    await Promise.all(clients.map(planAnswerOpen));
  } finally {
    for (const client of clients) client.release();
  }
  const challenges = await primeChallengeSources();
  const campaigns = await primeActiveCampaigns(options.campaigns);
  return { connections: clients.length, challenges, campaigns, ms: Date.now() - started };
}

async function planAnswerOpen(client: pg.PoolClient): Promise<void> {
  await client.query(STATE_CALL, [0, "", "", 0, []]);
  // Its UPDATE matches no row (no user 0): nothing written, the function compiled and its statements planned.
  await client.query(SUBMIT_CALL, [0, "", 0, 0, "", 0, false, null, 0, 0, "", 0, 0, "2000-01-01 00:00:00", null, "null", "SKIPPED", null, [], [], [], [], [], null, null, [], [], [], [], []]);
}

/** Every challenge's text in memory, in one read. */
async function primeChallengeSources(): Promise<number> {
  const sources = await allChallengeSources();
  for (const { id, source } of sources) cachedChallengeSource.prime(id, source);
  return sources.length;
}

/** Campaigns with a test in progress, most recently answered first: their code and their engine content in memory. */
async function primeActiveCampaigns(limit: number): Promise<number> {
  const { rows } = await pgPool().query<{ id: number; code: string }>(
    `SELECT c.id, c.code FROM campaigns c
       JOIN participations p ON p.campaign_id = c.id JOIN assessments a ON a.participation_id = p.id
     WHERE a.state = 'STARTED' AND c.deleted_at IS NULL AND c.archived_at IS NULL
     GROUP BY c.id, c.code ORDER BY max(a.updated_at) DESC LIMIT $1`,
    [limit],
  );
  for (const c of rows) campaignIdOfCode.prime(c.code, c.id);
  // One after the other: a few reads each, and the pool stays free for nothing else yet.
  for (const c of rows) await engineContentOfCampaign(c.id);
  return rows.length;
}
