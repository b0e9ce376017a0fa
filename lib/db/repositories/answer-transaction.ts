import type pg from "pg";
import { pgPool } from "../client";
import { env } from "../../env";
import { CAMPAIGN_ACTIVITY_CHANNEL } from "../live/campaign-activity-notify";
import type { AnswerOutcome } from "../../domain/participations/answer-outcome";
import type { AssessmentState, Completion, KnowledgeElementRow } from "./assessment-repository";
import type { KnowledgeElementSource } from "../generated/client";

/**
 * The answer path's one transaction (docs/adr/0013-lean-answer-path.md): the session check, the pupil's assessment
 * (locked, so that two submits of the same answer are recorded once), what the engine reads, and the writes, on one
 * pooled connection, in plain SQL (Prisma's query compiler costs more CPU than the statements themselves here).
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
    // The session and the live participation's latest assessment, locked until COMMIT: a second submit waits here,
    // then sees the first. One round trip (each costs the app and PostgreSQL more than the statement's own work).
    const found = await client.query(statement(
      "session",
      `SELECT u.session_version, u.should_change_password, EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.session_id = $3) AS revoked, x.*
       FROM users u
       LEFT JOIN LATERAL (
         SELECT a.id, a.user_id, a.state, a.current_challenge_id, a.current_asked_at, a.is_timer_started, a.answers_count, a.is_improving, a.created_at,
                p.id AS participation_id, c.id AS campaign_id, c.code, c.name, c.title, (c.archived_at IS NOT NULL OR c.deleted_at IS NOT NULL) AS archived,
                c.assessment_method, c.precision_target
         FROM campaigns c
         JOIN participations p ON p.campaign_id = c.id AND p.user_id = u.id AND p.deleted_at IS NULL AND p.is_improved = false
         JOIN assessments a ON a.participation_id = p.id
         WHERE c.code = $2 AND c.deleted_at IS NULL
         ORDER BY a.id DESC LIMIT 1 FOR UPDATE OF a
       ) x ON true
       WHERE u.id = $1`,
      [claims.userId, campaignCode, claims.sessionId],
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
    // What the engine reads, in a statement of its own: it must see what a transaction that held the lock committed
    // (a statement reads the database as it was when the statement began). The campaign's skills are joined as an
    // unnest, not filtered with `= ANY(array)`: for that, the planner estimated each of the ~100 skills against the
    // column's statistics, 0.6 ms of planning per answer for 0.1 ms of execution (bench/RESULTS.md, 07/12/2026).
    const read = await client.query<{ answers: [number, string, AnswerOutcome][]; knowledge: [string, "VALIDATED" | "INVALIDATED" | "RESET", KnowledgeElementSource, number, string, string][] }>(statement(
      "read",
      `SELECT (SELECT coalesce(json_agg(json_build_array(id, challenge_id, result) ORDER BY id), '[]'::json) FROM answers WHERE assessment_id = $1) AS answers,
              (SELECT coalesce(json_agg(json_build_array(k.skill_id, k.status, k.source, k.earned_pix, k.competence_id, k.created_at)), '[]'::json)
               FROM (SELECT DISTINCT ON (skill_id) skill_id, status, source, earned_pix, competence_id, created_at FROM knowledge_elements
                     JOIN unnest($3::text[]) AS campaign_skill(skill_id) USING (skill_id)
                     WHERE user_id = $2 ORDER BY skill_id, created_at DESC, id DESC) k) AS knowledge`,
      [assessment.id, claims.userId, skills],
    ));
    const snapshot: AnswerSnapshot = {
      assessment,
      campaign: { id: a.campaign_id, code: a.code, name: a.name, title: a.title },
      answers: read.rows[0].answers.map(([id, challengeId, result]) => ({ id, challengeId, result })),
      knowledge: read.rows[0].knowledge.map(([skillId, status, source, earnedPix, competenceId, createdAt]) => ({ skillId, status, source, earnedPix, competenceId, createdAt: new Date(createdAt) })),
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

/**
 * The writes, in one statement: the assessment moves on (re-checked current: the row is locked and was checked by the
 * caller, the condition holds anyway), then — only if it did — the answer, its knowledge elements and the NOTIFY of
 * « Suivi en direct » (delivered at COMMIT, the campaign's id only). At the end of a test, the engine's MODEL elements
 * (after the answer's own: the later id wins, as writeCompletion does on the Prisma path) and the participation.
 */
async function writeAnswer(client: pg.PoolClient, userId: number, assessment: AssessmentState, write: AnswerWrite, now: Date): Promise<number> {
  const params: unknown[] = [];
  const $ = (value: unknown) => `$${params.push(value)}`;
  const [id, current, at] = [$(assessment.id), $(assessment.currentChallengeId), $(now)];
  const move =
    "completed" in write.next
      ? `state = 'COMPLETED', current_challenge_id = NULL`
      : `current_challenge_id = ${$(write.next.challengeId)}, current_asked_at = ${at}, is_timer_started = false`;
  const ke = write.knowledgeElements;
  const written = await client.query<{ id: number }>(statement(
    "completed" in write.next ? "write-end" : "write-next",
    `WITH moved AS (
       UPDATE assessments SET ${move}, answers_count = answers_count + 1, updated_at = ${at}
       WHERE id = ${id} AND state = 'STARTED' AND current_challenge_id = ${current} RETURNING id
     ), answer AS (
       INSERT INTO answers (assessment_id, challenge_id, value, result, time_spent, created_at)
       SELECT moved.id, ${current}, ${$(JSON.stringify(write.value))}::jsonb, ${$(write.result)}::"AnswerResult", ${$(write.timeSpent)}::int, ${at} FROM moved
       RETURNING id
     ), knowledge AS (
       INSERT INTO knowledge_elements (user_id, assessment_id, answer_id, skill_id, competence_id, status, source, earned_pix, created_at)
       SELECT ${$(userId)}::int, ${id}, answer.id, k.skill_id, k.competence_id, k.status::"KnowledgeElementStatus", k.source::"KnowledgeElementSource", k.earned_pix, ${at}
       FROM answer CROSS JOIN unnest(${$(ke.map((k) => k.skillId))}::text[], ${$(ke.map((k) => k.competenceId))}::text[], ${$(ke.map((k) => k.status))}::text[],
                                     ${$(ke.map((k) => k.source))}::text[], ${$(ke.map((k) => k.earnedPix))}::float8[]) AS k(skill_id, competence_id, status, source, earned_pix)
     )
     SELECT answer.id, pg_notify('${CAMPAIGN_ACTIVITY_CHANNEL}', ${$(String(assessment.campaignId))}::text) FROM answer`,
    params,
  ));
  if (written.rowCount !== 1) throw new Error("L'évaluation a changé pendant la réponse.");
  const answerId = written.rows[0].id;
  if ("completed" in write.next) {
    const { modelElements, masteryMean, masteryStandardError } = write.next.completed;
    await insertKnowledge(client, userId, assessment.id, null, modelElements, now);
    await client.query(
      `UPDATE participations SET status = 'TO_SHARE', mastery_mean = $2, mastery_standard_error = $3 WHERE id = $1 AND status = 'STARTED'`,
      [assessment.participationId, masteryMean, masteryStandardError],
    );
  }
  return answerId;
}

async function insertKnowledge(client: pg.PoolClient, userId: number, assessmentId: number, answerId: number | null, ke: readonly KnowledgeElementRow[], now: Date): Promise<void> {
  if (!ke.length) return;
  await client.query(
    `INSERT INTO knowledge_elements (user_id, assessment_id, answer_id, skill_id, competence_id, status, source, earned_pix, created_at)
     SELECT $1, $2, $3, k.skill_id, k.competence_id, k.status::"KnowledgeElementStatus", k.source::"KnowledgeElementSource", k.earned_pix, $4
     FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::float8[]) AS k(skill_id, competence_id, status, source, earned_pix)`,
    [userId, assessmentId, answerId, now, ke.map((k) => k.skillId), ke.map((k) => k.competenceId), ke.map((k) => k.status), ke.map((k) => k.source), ke.map((k) => k.earnedPix)],
  );
}
