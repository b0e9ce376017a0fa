/**
 * What the fault bench needs to cut answers inside the process it kills, and to prove it did (faults.ts):
 *  - which process serves which pupil: nginx names it in X-Pix-Upstream (the bench's nginx only, `exposeUpstream`);
 *    a light request with the pupil's cookies (GET /api/health) is balanced like their answers (the session cookie's
 *    hash), so its header names the process their next answer reaches;
 *  - the pupils' answer locks: pix_answer_submit's first statement is pg_advisory_xact_lock(namespace, user id)
 *    (migration 20261207150000_answer_submit_user_lock). The bench takes the same keys with session locks, from its
 *    own connection straight to PostgreSQL (not through PgBouncer), so the salvo's answers stop inside their
 *    transaction, in PostgreSQL, and the bench sees them there (pg_stat_activity) before it kills the process;
 *  - once the run is over, which transaction wrote each cut answer: the answer's created_at is the time its request
 *    reached the app (pix_answer_submit's p_at), so a cut answer stored with a time before the kill was written by the
 *    killed process's own transaction, committed after the kill (its reply never left), and one stored with a later
 *    time by a resend (the cut transaction then wrote nothing).
 */
import pg from "pg";
import { request } from "./http-client";
import type { LoadContext, Pupil } from "./pupil";

/** pix_answer_submit's advisory lock namespace (« PIXA »), as in the migration (a unit test reads it there). */
export const ANSWER_LOCK_NAMESPACE = 1346983489;

/** The header the bench's nginx adds with `exposeUpstream` ($upstream_addr). */
export const UPSTREAM_HEADER = "x-pix-upstream";

/** The process (« 127.0.0.1:3311 ») that served a light request with the pupil's cookies; null if none was named. */
export async function upstreamOf(context: LoadContext, pupil: Pupil): Promise<string | null> {
  const response = await request(context.agent, new URL("/api/health", context.baseUrl), {
    method: "GET",
    headers: { cookie: pupil.jar.header(), "cache-control": "no-cache" },
    timeoutMs: 5_000,
  });
  const value = response.headers[UPSTREAM_HEADER];
  return typeof value === "string" ? value : null;
}

/**
 * The pupils to aim the salvo at: those whose probe was served by `victim` alone (an address list, « a, b », means
 * nginx tried several processes: not a pupil it keeps on the victim), in the order given, at most `count`.
 */
export function aimSalvo<P>(probed: { pupil: P; upstream: string | null }[], victim: string, count: number): P[] {
  return probed.filter((p) => p.upstream === victim).slice(0, Math.max(0, count)).map((p) => p.pupil);
}

/** The cut answers by the transaction that stored them, from their created_at (epoch ms) and the kill's instant. */
export function whoWroteTheCut(createdAt: (number | null)[], killedAtMs: number): { byCutTransaction: number; byResend: number; missing: number } {
  let byCutTransaction = 0;
  let byResend = 0;
  let missing = 0;
  for (const at of createdAt) {
    if (at === null) missing++;
    else if (at < killedAtMs) byCutTransaction++;
    else byResend++;
  }
  return { byCutTransaction, byResend, missing };
}

/** A connection straight to PostgreSQL holding some pupils' answer locks (session-level) until released. */
export class AnswerLockHold {
  private constructor(
    private readonly client: pg.Client,
    readonly backendPid: number,
  ) {}

  static async open(directUrl: string): Promise<AnswerLockHold> {
    const client = new pg.Client({ connectionString: directUrl, application_name: "bench-fault-locks" });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return new AnswerLockHold(client, rows[0].pid);
  }

  async hold(userIds: number[]): Promise<void> {
    await this.client.query("SELECT pg_advisory_lock($1::int, id) FROM unnest($2::int[]) AS id", [ANSWER_LOCK_NAMESPACE, userIds]);
  }

  /** The backends waiting for a lock this connection holds: pid, in a transaction since (xact_start), their query. */
  async waiting(): Promise<{ pid: number; xactStart: Date | null; query: string }[]> {
    const { rows } = await this.client.query<{ pid: number; xact_start: Date | null; query: string }>(
      `SELECT pid, xact_start, query FROM pg_stat_activity
       WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND $1::int = ANY (pg_blocking_pids(pid))`,
      [this.backendPid],
    );
    return rows.map((r) => ({ pid: r.pid, xactStart: r.xact_start, query: r.query }));
  }

  /** Polls until `count` backends wait on these locks (or `timeoutMs` passed); the last list seen. */
  async waitFor(count: number, timeoutMs: number): Promise<{ pid: number; xactStart: Date | null; query: string }[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const waiting = await this.waiting();
      if (waiting.length >= count || Date.now() >= deadline) return waiting;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Which of these backends still exist (a backend whose client is gone lives on until it next talks to it). */
  async alive(pids: number[]): Promise<{ pid: number; state: string | null; waitEvent: string | null }[]> {
    const { rows } = await this.client.query<{ pid: number; state: string | null; wait_event: string | null }>(
      "SELECT pid, state, wait_event FROM pg_stat_activity WHERE pid = ANY ($1::int[])",
      [pids],
    );
    return rows.map((r) => ({ pid: r.pid, state: r.state, waitEvent: r.wait_event }));
  }

  /** A setting of the server, as PostgreSQL shows it (e.g. client_connection_check_interval: « 0 », « 100ms »). */
  async setting(name: string): Promise<string> {
    const { rows } = await this.client.query<{ value: string }>("SELECT current_setting($1) AS value", [name]);
    return rows[0].value;
  }

  async release(): Promise<void> {
    await this.client.query("SELECT pg_advisory_unlock_all()");
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

/**
 * For each cut answer (assessment, question), when the stored answer says its request reached the app (epoch ms), or
 * null when none is stored; and how many answers each has (must be one).
 */
export async function cutAnswersStored(directUrl: string, cut: { assessmentId: number; challengeId: string }[]): Promise<{ createdAt: (number | null)[]; copies: number[] }> {
  const client = new pg.Client({ connectionString: directUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ assessment_id: number; challenge_id: string; first_ms: string; n: string }>(
      // created_at is a UTC timestamp without time zone (as the app writes it): its epoch is read as UTC.
      `SELECT assessment_id, challenge_id, min(extract(epoch FROM created_at) * 1000) AS first_ms, count(*) AS n
       FROM answers WHERE (assessment_id, challenge_id) IN (SELECT * FROM unnest($1::int[], $2::text[])) GROUP BY 1, 2`,
      [cut.map((c) => c.assessmentId), cut.map((c) => c.challengeId)],
    );
    const found = new Map(rows.map((r) => [`${r.assessment_id}:${r.challenge_id}`, r]));
    return {
      createdAt: cut.map((c) => {
        const row = found.get(`${c.assessmentId}:${c.challengeId}`);
        return row ? Number(row.first_ms) : null;
      }),
      copies: cut.map((c) => Number(found.get(`${c.assessmentId}:${c.challengeId}`)?.n ?? 0)),
    };
  } finally {
    await client.end();
  }
}
