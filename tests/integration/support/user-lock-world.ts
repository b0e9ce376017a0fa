import type pg from "pg";
import { pgPool } from "@/lib/db/client";

/**
 * The pupil's answer lock (ADR 0013 « 07/12 (13) », « 07/12 (15) »), seen from two connections: an answer written in an
 * open transaction, and whether another piece of work waits for the lock.
 */

/**
 * On `client`, inside its open transaction: the pupil's answer in `code`, decided by another process (a « KO » that
 * writes one INVALIDATED element on `skill`), submitted through pix_answer_submit from the state as read now.
 */
export async function submitUncommitted(client: pg.PoolClient, userId: number, code: string, skills: string[], skill: { id: string; competenceId: string }): Promise<number | null> {
  const { rows } = await client.query<{ id: number | null }>(
    `SELECT public.pix_answer_submit(s.user_id, $3::text, s.session_version, s.id, s.current_challenge_id, s.answers_count, s.is_timer_started,
              s.current_asked_at, s.participation_id, s.campaign_id, s.assessment_method, s.precision_target, s.knowledge_count,
              now()::timestamp(3), 'ch-apres-a', '{"kind":"fields"}'::jsonb, 'KO', 1,
              ARRAY[$5::text], ARRAY[$6::text], ARRAY['INVALIDATED'], ARRAY['DIRECT'], ARRAY[0::float8], NULL, NULL,
              '{}'::text[], '{}'::text[], '{}'::text[], '{}'::text[], '{}'::float8[]) AS id
       FROM public.pix_answer_state($1::int, $2::text, $3::text, 0, $4::text[]) s`,
    [userId, code, `s-${userId}`, skills, skill.id, skill.competenceId],
  );
  return rows[0]?.id ?? null;
}

/** Resolves when `work` settles or when a backend waits for an advisory lock, whichever comes first; throws after 5 s. */
export async function settledOrWaiting<T>(work: Promise<T>, what: string): Promise<"settled" | "waiting"> {
  let settled = false;
  work.then(() => (settled = true), () => (settled = true));
  for (let i = 0; i < 500; i++) {
    if (settled) return "settled";
    const { rows } = await pgPool().query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
    if (rows[0].n > 0) return "waiting";
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${what} neither ended nor waited within 5 s`);
}
