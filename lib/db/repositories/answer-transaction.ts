import type pg from "pg";
import { pgPool } from "../client";
import { env } from "../../env";
import type { AnswerOutcome } from "../../domain/participations/answer-outcome";
import type { AssessmentState, Completion, KnowledgeElementRow } from "./assessment-repository";
import type { KnowledgeElementSource } from "../generated/client";

/**
 * The answer path's one transaction (docs/adr/0013-lean-answer-path.md): the session check, the pupil's assessment
 * (locked, so that two submits of the same answer are recorded once), what the engine reads, and the writes, on one
 * pooled connection, as calls of two PL/pgSQL functions of the migrations (pix_answer_open, pix_answer_write:
 * PostgreSQL keeps their plans per server connection, even behind PgBouncer in transaction mode), not through Prisma
 * (its query compiler costs more CPU than the statements themselves here). The NOTIFY's channel is written in
 * pix_answer_write: CAMPAIGN_ACTIVITY_CHANNEL (lib/db/live), checked by the integration tests.
 * The decision between the reads and the writes is the caller's (`decide`, pure domain code).
 */

/** No pool connection within the queue deadline: the server is past its capacity (nothing was read or written). */
class DatabaseBusy extends Error {}

/** Also pg's own pool-wide timeout (DATABASE_POOL_WAIT_MS), under Prisma or not. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseBusy || (e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message))) return true;
  }
  return false;
}

/**
 * A statement of the answer's transaction, named when DATABASE_PREPARED_STATEMENTS=1: node-pg prepares it once per
 * connection and PostgreSQL may keep its plan (a generic plan after five executions). A name is one text: each
 * variant of a statement has its own.
 */
function statement(name: string, text: string, values: unknown[]): pg.QueryConfig {
  return usePreparedStatements() ? { name: `pix-answer-${name}`, text, values } : { text, values };
}

/**
 * Prepared statements are on (the default) until the database shows it loses them: behind a pooler in transaction mode
 * that does not keep them (PgBouncer < 1.21, or without max_prepared_statements), a statement prepared on one server
 * connection is missing on the next (26000) or already there from another client (42P05). The transaction is then
 * rolled back, run again without names, and the process stops naming statements (one warning in the log).
 */
let preparedStatementsLost = false;
const usePreparedStatements = () => env().DATABASE_PREPARED_STATEMENTS === "1" && !preparedStatementsLost;
const LOST_PREPARED_STATEMENT = new Set(["26000", "42P05"]);
function isLostPreparedStatement(error: unknown): boolean {
  return LOST_PREPARED_STATEMENT.has(String((error as { code?: unknown } | null)?.code ?? ""));
}

/**
 * A connection within the answer path's queue deadline (DATABASE_QUEUE_DEADLINE_MS), shorter than what pages wait:
 * an answer refused early is retried by the page, a page load is not. A connection obtained too late goes back.
 */
export function connectWithin(deadlineMs: number): Promise<pg.PoolClient> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new DatabaseBusy(`no connection within ${deadlineMs} ms`));
    }, deadlineMs);
    pgPool().connect().then(
      (client) => {
        clearTimeout(timer);
        if (late) client.release();
        else resolve(client);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * The two calls, schema-qualified and with every parameter typed: PostgreSQL then resolves exactly the migration's
 * functions. Unqualified, with untyped parameters, a function of the same name taking texts in a schema of the
 * search_path (another role's, on a PostgreSQL where `public` is writable) would be preferred (docs/deploy.md).
 */
export const OPEN_CALL = "SELECT * FROM public.pix_answer_open($1::int, $2::text, $3::text, $4::int, $5::text[])";
export const WRITE_CALL =
  "SELECT public.pix_answer_write($1::int, $2::text, $3::timestamp(3), $4::text, $5::jsonb, $6::text, $7::int, $8::int, $9::int, " +
  "$10::text[], $11::text[], $12::text[], $13::text[], $14::float8[], $15::int, $16::float8, $17::float8, " +
  "$18::text[], $19::text[], $20::text[], $21::text[], $22::float8[]) AS id";

export type SessionClaims = { userId: number; sessionId: string; sessionVersion: number };

export type AnswerSnapshot = {
  assessment: AssessmentState;
  campaign: { id: number; code: string; name: string; title: string | null };
  answers: { id: number; challengeId: string; result: AnswerOutcome }[];
  /** The user's latest knowledge element per skill of the campaign (RESET ones included; the caller filters). */
  knowledge: { skillId: string; status: "VALIDATED" | "INVALIDATED" | "RESET"; source: KnowledgeElementSource; earnedPix: number; competenceId: string; createdAt: Date }[];
};

export type AnswerWrite = {
  value: unknown;
  result: AnswerOutcome;
  timeSpent: number | null;
  knowledgeElements: KnowledgeElementRow[];
  /** At the end, the engine's result (docs/adr/0011-mastery-posterior.md): MODEL elements, mean and σ. */
  next: { challengeId: string } | { completed: Completion };
};

export type AnswerTransactionResult<T> =
  | { kind: "session-invalid" }
  | { kind: "must-change-password" }
  | { kind: "no-assessment" }
  | { kind: "done"; snapshot: AnswerSnapshot; decision: T; answerId: number | null };


/**
 * Runs the answer in one transaction. `decide` sees the locked state and returns either nothing to write
 * (`write: null`: an already recorded answer, a refused one) or the answer to write.
 */
export async function inAnswerTransaction<T>(
  claims: SessionClaims,
  campaignCode: string,
  /** The campaign's skills (from memory, read before the transaction so that it never waits for a second connection). */
  skills: string[],
  decide: (snapshot: AnswerSnapshot) => { write: AnswerWrite | null; decision: T },
  now: Date,
): Promise<AnswerTransactionResult<T>> {
  const prepared = usePreparedStatements();
  try {
    return await answerTransaction(claims, campaignCode, skills, decide, now);
  } catch (error) {
    if (!prepared || !isLostPreparedStatement(error)) throw error;
    // Nothing was committed (the transaction was rolled back): the same answer again, without names.
    if (!preparedStatementsLost) console.warn("Les instructions préparées de PostgreSQL se perdent entre deux transactions (un PgBouncer en mode transaction ?) : ce processus ne les utilise plus. Mettez DATABASE_PREPARED_STATEMENTS=0 dans ce cas (docs/deploy.md).");
    preparedStatementsLost = true;
    return answerTransaction(claims, campaignCode, skills, decide, now);
  }
}

async function answerTransaction<T>(
  claims: SessionClaims,
  campaignCode: string,
  skills: string[],
  decide: (snapshot: AnswerSnapshot) => { write: AnswerWrite | null; decision: T },
  now: Date,
): Promise<AnswerTransactionResult<T>> {
  const client = await connectWithin(env().DATABASE_QUEUE_DEADLINE_MS);
  let open = false;
  try {
    await client.query("BEGIN");
    open = true;
    // The session, the live participation's latest assessment (locked until COMMIT: a second submit waits there, then
    // sees the first) and, when both hold, what the engine reads: one call of the migration's function, whose
    // statements PostgreSQL plans once per server connection (pix_answer_open; ADR 0013, amendment « 07/12 (3) »).
    const found = await client.query(statement(
      "open",
      OPEN_CALL,
      [claims.userId, campaignCode, claims.sessionId, claims.sessionVersion, skills],
    ));
    const a = found.rows[0];
    if (!a || a.revoked || a.session_version !== claims.sessionVersion) return await end(client, { kind: "session-invalid" });
    if (a.should_change_password) return await end(client, { kind: "must-change-password" });
    if (a.id === null || a.user_id !== claims.userId) return await end(client, { kind: "no-assessment" });
    const assessment: AssessmentState = {
      id: a.id, userId: a.user_id, state: a.state, currentChallengeId: a.current_challenge_id, currentAskedAt: a.current_asked_at,
      isTimerStarted: a.is_timer_started, answersCount: a.answers_count, participationId: a.participation_id, campaignId: a.campaign_id,
      campaignArchived: a.archived, ignoreInvalidatedBefore: a.is_improving ? a.created_at : null,
      assessmentMethod: a.assessment_method, precisionTarget: a.precision_target,
    };
    const answers = a.answers as [number, string, AnswerOutcome][];
    const knowledge = a.knowledge as [string, "VALIDATED" | "INVALIDATED" | "RESET", KnowledgeElementSource, number, string, string][];
    const snapshot: AnswerSnapshot = {
      assessment,
      campaign: { id: a.campaign_id, code: a.code, name: a.name, title: a.title },
      answers: answers.map(([id, challengeId, result]) => ({ id, challengeId, result })),
      knowledge: knowledge.map(([skillId, status, source, earnedPix, competenceId, createdAt]) => ({ skillId, status, source, earnedPix, competenceId, createdAt: new Date(createdAt) })),
    };
    const { write, decision } = decide(snapshot);
    if (!write) return await end(client, { kind: "done", snapshot, decision, answerId: null });
    const answerId = await writeAnswer(client, claims.userId, assessment, write, now);
    await client.query("COMMIT");
    open = false;
    return { kind: "done", snapshot, decision, answerId };
  } catch (error) {
    if (open) await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function end<R>(client: pg.PoolClient, result: R): Promise<R> {
  await client.query("COMMIT");
  return result;
}

/** Five parallel arrays, as pix_answer_write's unnest reads them. */
function columns(ke: readonly KnowledgeElementRow[]): unknown[] {
  return [ke.map((k) => k.skillId), ke.map((k) => k.competenceId), ke.map((k) => k.status), ke.map((k) => k.source), ke.map((k) => k.earnedPix)];
}

/**
 * The writes, in one call of the migration's pix_answer_write: the assessment moves on under the same guard as the
 * read (re-checked current: the row is locked and was checked by the caller, the condition holds anyway), then — only
 * if it did — the answer, its knowledge elements and the NOTIFY of « Suivi en direct » (delivered at COMMIT). At the
 * end of a test (no next challenge), the engine's MODEL elements after the answer's own (the later id wins, as
 * writeCompletion does on the Prisma path) and the participation's result. NULL back: the guard failed, nothing written.
 */
async function writeAnswer(client: pg.PoolClient, userId: number, assessment: AssessmentState, write: AnswerWrite, now: Date): Promise<number> {
  const completed = "completed" in write.next ? write.next.completed : null;
  const written = await client.query<{ id: number | null }>(statement(
    "write",
    WRITE_CALL,
    [
      assessment.id, assessment.currentChallengeId, now, "challengeId" in write.next ? write.next.challengeId : null,
      JSON.stringify(write.value), write.result, write.timeSpent, userId, assessment.campaignId,
      ...columns(write.knowledgeElements),
      assessment.participationId, completed?.masteryMean ?? null, completed?.masteryStandardError ?? null,
      ...columns(completed?.modelElements ?? []),
    ],
  ));
  const answerId = written.rows[0]?.id;
  if (answerId === null || answerId === undefined) throw new Error("L'évaluation a changé pendant la réponse.");
  return answerId;
}
