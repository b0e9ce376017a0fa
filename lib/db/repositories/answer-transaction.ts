import type pg from "pg";
import { pgPool } from "../client";
import { UTC_TIMESTAMPS, utcOfJson, utcText } from "../utc-timestamps";
import { env } from "../../env";
import type { AnswerOutcome } from "../../domain/participations/answer-outcome";
import type { AssessmentState, Completion, KnowledgeElementRow } from "./assessment-repository";
import type { KnowledgeElementSource } from "../generated/client";
import { answerStates, stateAfter, type AnswerState } from "./answer-states";

/**
 * The answer path's database side (docs/adr/0013-lean-answer-path.md, amendments « 07/12 (5) » and « 07/12 (8) »):
 * PL/pgSQL functions of the migrations called in autocommit on one pooled connection, no BEGIN or COMMIT. The usual
 * answer is one statement, one transaction: decided from the state this process last wrote for the pupil's test
 * (answer-states.ts), sent as pix_answer_submit, which writes only if everything that state says is still true.
 * Otherwise pix_answer_state reads it (the session check, the pupil's assessment and what the engine reads, as of one
 * snapshot, no lock), the caller decides, and pix_answer_submit writes under the same checks; a state that moved in
 * between is read and decided again. Two submits of the same answer are recorded once (the second finds the state
 * moved, reads again and sees the answer). PostgreSQL keeps the functions' plans per server connection, even behind
 * PgBouncer in transaction mode; not through Prisma (its query compiler costs more CPU than the statements themselves
 * here). The NOTIFY's channel is written in pix_answer_submit: CAMPAIGN_ACTIVITY_CHANNEL (lib/db/live), checked by
 * the integration tests. The decision is the caller's (`decide`, pure domain code).
 */

/** No pool connection within the queue deadline: the server is past its capacity (nothing was read or written). */
class DatabaseBusy extends Error {}

/**
 * The assessment moved between each read and its write, READS times in a row (other tabs answering or starting the
 * timer as fast as we read): nothing was written, and the answer is refused as when busy, so that the page sends it
 * again by itself a moment later.
 */
class StateKeptMoving extends DatabaseBusy {}
const READS = 3;

/**
 * 55P03 (lock_not_available): a lock wait of the answer's functions gave up after their lock_timeout (migration
 * 20261207170000_answer_lock_timeout, ADR 0013 « 07/12 (17) »). The statement's transaction was rolled back: nothing
 * was written, and the answer is refused as when busy, so that the page sends it again.
 */
const LOCK_NOT_AVAILABLE = "55P03";

/** The SQLSTATE of a pg error, or of a Prisma error of a raw query (P2010, through the pg driver adapter). */
function sqlState(error: object): unknown {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta;
  return meta?.driverAdapterError?.cause?.originalCode ?? (error as { code?: unknown }).code;
}

/** Also pg's own pool-wide timeout (DATABASE_POOL_WAIT_MS), under Prisma or not, and a lock wait given up. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseBusy || (e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message))) return true;
    if (typeof e === "object" && sqlState(e) === LOCK_NOT_AVAILABLE) return true;
  }
  return false;
}

/**
 * A statement of the answer path, named when DATABASE_PREPARED_STATEMENTS=1: node-pg prepares it once per
 * connection and PostgreSQL may keep its plan (a generic plan after five executions). A name is one text: each
 * variant of a statement has its own.
 */
function statement(name: string, text: string, values: unknown[]): pg.QueryConfig {
  // Timestamps read as UTC, as Prisma reads them (lib/db/utc-timestamps.ts).
  return { ...(usePreparedStatements() ? { name: `pix-answer-${name}` } : {}), text, values, types: UTC_TIMESTAMPS };
}

/**
 * Prepared statements are on (the default) until the database shows it loses them: behind a pooler in transaction mode
 * that does not keep them (PgBouncer < 1.21, or without max_prepared_statements), a statement prepared on one server
 * connection is missing on the next (26000) or already there from another client (42P05). The failed statement wrote
 * nothing (the read writes nothing, the write is its own transaction): the answer is run again without names, and
 * the process stops naming statements (one warning in the log).
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
 * The calls, schema-qualified and with every parameter typed: PostgreSQL then resolves exactly the migrations'
 * functions. Unqualified, with untyped parameters, a function of the same name taking texts in a schema of the
 * search_path (another role's, on a PostgreSQL where `public` is writable) would be preferred (docs/deploy.md).
 * READ_CALL and RECORD_CALL are the previous version's (20261207060000), still served to a process of that version
 * during a deploy.
 */
export const STATE_CALL = "SELECT * FROM public.pix_answer_state($1::int, $2::text, $3::text, $4::int, $5::text[])";
export const SUBMIT_CALL =
  "SELECT public.pix_answer_submit($1::int, $2::text, $3::int, $4::int, $5::text, $6::int, $7::boolean, $8::timestamp(3), " +
  "$9::int, $10::int, $11::text, $12::int, $13::int, $14::timestamp(3), $15::text, $16::jsonb, $17::text, $18::int, " +
  "$19::text[], $20::text[], $21::text[], $22::text[], $23::float8[], $24::float8, $25::float8, " +
  "$26::text[], $27::text[], $28::text[], $29::text[], $30::float8[]) AS id";
export const READ_CALL = "SELECT * FROM public.pix_answer_read($1::int, $2::text, $3::text, $4::int, $5::text[])";
export const RECORD_CALL =
  "SELECT public.pix_answer_record($1::int, $2::text, $3::int, $4::boolean, $5::timestamp(3), $6::text, $7::jsonb, $8::text, " +
  "$9::int, $10::int, $11::int, $12::text[], $13::text[], $14::text[], $15::text[], $16::float8[], $17::int, $18::float8, " +
  "$19::float8, $20::text[], $21::text[], $22::text[], $23::text[], $24::float8[]) AS id";

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

export type AnswerRunResult<T> =
  | { kind: "session-invalid" }
  | { kind: "must-change-password" }
  | { kind: "no-assessment" }
  | { kind: "done"; snapshot: AnswerSnapshot; decision: T; answerId: number | null };

type Decide<T> = (snapshot: AnswerSnapshot) => { write: AnswerWrite | null; decision: T } | Promise<{ write: AnswerWrite | null; decision: T }>;

/**
 * Decides from the state this process last wrote for the pupil's test, if it has one, and submits (one statement);
 * else — or when pix_answer_submit finds that anything the decision was made from has moved — reads, lets `decide`
 * see the state and return either nothing to write (`write: null`: an already recorded answer, a refused one) or the
 * answer to write, and submits it; should the state move between the read and the submit, reads and decides again (a
 * decision is never written against a state it was not made from).
 */
export async function runAnswer<T>(
  claims: SessionClaims,
  campaignCode: string,
  /** The campaign's skills (from memory, read before the calls so that the answer never waits for a second connection). */
  skills: string[],
  decide: Decide<T>,
  now: Date,
): Promise<AnswerRunResult<T>> {
  const prepared = usePreparedStatements();
  try {
    return await onOneConnection(claims, campaignCode, skills, decide, now);
  } catch (error) {
    if (!prepared || !isLostPreparedStatement(error)) throw error;
    // The failed statement wrote nothing: the same answer again, without names.
    if (!preparedStatementsLost) console.warn("Les instructions préparées de PostgreSQL se perdent entre deux transactions (un PgBouncer en mode transaction ?) : ce processus ne les utilise plus. Mettez DATABASE_PREPARED_STATEMENTS=0 dans ce cas (docs/deploy.md).");
    preparedStatementsLost = true;
    return onOneConnection(claims, campaignCode, skills, decide, now);
  }
}

const MOVED = Symbol("moved");
type Step<T> = AnswerRunResult<T> | typeof MOVED;

async function onOneConnection<T>(claims: SessionClaims, campaignCode: string, skills: string[], decide: Decide<T>, now: Date): Promise<AnswerRunResult<T>> {
  const client = await connectWithin(env().DATABASE_QUEUE_DEADLINE_MS);
  try {
    const known = answerStates.get(claims.userId, campaignCode);
    if (known) {
      const outcome = await fromMemory(client, claims, campaignCode, known, decide, now);
      if (outcome !== MOVED) {
        answerStates.served(true);
        return outcome;
      }
      answerStates.drop(claims.userId, campaignCode, known);
    }
    for (let read = 0; read < READS; read++) {
      const state = await readState(client, claims, campaignCode, skills);
      if ("kind" in state) return state;
      const decided = await decide(state.snapshot);
      const outcome = await submit(client, claims, campaignCode, state, decided, now);
      if (outcome !== MOVED) {
        answerStates.served(false);
        return outcome;
      }
    }
    throw new StateKeptMoving("the assessment moved between every read and its write");
  } finally {
    client.release();
  }
}

/**
 * The remembered state: only a decision to write is taken from it, and only the database's own check makes it final.
 * A refusal or an « already recorded » decided from memory could be a state this process missed: read instead.
 */
async function fromMemory<T>(client: pg.PoolClient, claims: SessionClaims, campaignCode: string, known: AnswerState, decide: Decide<T>, now: Date): Promise<Step<T>> {
  // The lists built once for this request (a remembered state builds them at each `snapshot`, see RememberedState).
  const state: AnswerState = { snapshot: known.snapshot, knowledgeCount: known.knowledgeCount };
  let decided: Awaited<ReturnType<Decide<T>>>;
  try {
    decided = await decide(state.snapshot);
  } catch {
    return MOVED;
  }
  return decided.write ? submit(client, claims, campaignCode, state, decided, now, known) : MOVED;
}

async function readState(client: pg.PoolClient, claims: SessionClaims, campaignCode: string, skills: string[]): Promise<AnswerState | AnswerRunResult<never>> {
  // The session, the live participation's latest assessment, what the engine reads and the count of the user's
  // knowledge elements, as of one snapshot (pix_answer_state is STABLE), planned once per server connection.
  const found = await client.query(statement("state", STATE_CALL, [claims.userId, campaignCode, claims.sessionId, claims.sessionVersion, skills]));
  const a = found.rows[0];
  if (!a || a.revoked || a.session_version !== claims.sessionVersion) return { kind: "session-invalid" };
  if (a.should_change_password) return { kind: "must-change-password" };
  if (a.id === null || a.user_id !== claims.userId) return { kind: "no-assessment" };
  const assessment: AssessmentState = {
    id: a.id, userId: a.user_id, state: a.state, currentChallengeId: a.current_challenge_id, currentAskedAt: a.current_asked_at,
    isTimerStarted: a.is_timer_started, answersCount: a.answers_count, participationId: a.participation_id, campaignId: a.campaign_id,
    campaignArchived: a.archived, ignoreInvalidatedBefore: a.is_improving ? a.created_at : null,
    assessmentMethod: a.assessment_method, precisionTarget: a.precision_target,
  };
  const answers = a.answers as [number, string, AnswerOutcome][];
  const knowledge = a.knowledge as [string, "VALIDATED" | "INVALIDATED" | "RESET", KnowledgeElementSource, number, string, string][];
  return {
    snapshot: {
      assessment,
      campaign: { id: a.campaign_id, code: a.code, name: a.name, title: a.title },
      answers: answers.map(([id, challengeId, result]) => ({ id, challengeId, result })),
      knowledge: knowledge.map(([skillId, status, source, earnedPix, competenceId, createdAt]) => ({ skillId, status, source, earnedPix, competenceId, createdAt: utcOfJson(createdAt) })),
    },
    knowledgeCount: a.knowledge_count,
  };
}

/** Submits the decision's write if it has one; remembers the state it leaves (or forgets the test's, once over). */
async function submit<T>(
  client: pg.PoolClient, claims: SessionClaims, campaignCode: string, state: AnswerState, decided: { write: AnswerWrite | null; decision: T }, now: Date,
  /** The remembered entry `state` was built from, if any: the next state links to it instead of copying the lists. */
  remembered: AnswerState = state,
): Promise<Step<T>> {
  const { write, decision } = decided;
  if (!write) {
    // A read's state (a decision from memory never gets here without a write): the database's, worth remembering.
    if (state.snapshot.assessment.state === "STARTED") answerStates.set(claims.userId, campaignCode, state);
    return { kind: "done", snapshot: state.snapshot, decision, answerId: null };
  }
  const answerId = await submitCall(client, claims, state, write, now);
  if (answerId === null) return MOVED;
  const after = stateAfter(remembered, write, answerId, now);
  if (after) answerStates.set(claims.userId, campaignCode, after);
  else answerStates.drop(claims.userId, campaignCode, remembered);
  return { kind: "done", snapshot: state.snapshot, decision, answerId };
}

/** Five parallel arrays, as pix_answer_submit's unnest reads them. */
function columns(ke: readonly KnowledgeElementRow[]): unknown[] {
  return [ke.map((k) => k.skillId), ke.map((k) => k.competenceId), ke.map((k) => k.status), ke.map((k) => k.source), ke.map((k) => k.earnedPix)];
}

/**
 * One call (one transaction) of the migration's pix_answer_submit: the writes, only if the session, the participation,
 * the campaign, the assessment and the count of the user's knowledge elements are still as in `state` (see the
 * migration 20261207090000_answer_one_statement). NULL: something had moved, nothing was written.
 */
async function submitCall(client: pg.PoolClient, claims: SessionClaims, state: AnswerState, write: AnswerWrite, now: Date): Promise<number | null> {
  const { assessment: a } = state.snapshot;
  const completed = "completed" in write.next ? write.next.completed : null;
  const written = await client.query<{ id: number | null }>(statement(
    "submit",
    SUBMIT_CALL,
    [
      claims.userId, claims.sessionId, claims.sessionVersion,
      a.id, a.currentChallengeId, a.answersCount, a.isTimerStarted, a.currentAskedAt ? utcText(a.currentAskedAt) : null,
      a.participationId, a.campaignId, a.assessmentMethod, a.precisionTarget, state.knowledgeCount,
      utcText(now), "challengeId" in write.next ? write.next.challengeId : null,
      JSON.stringify(write.value), write.result, write.timeSpent,
      ...columns(write.knowledgeElements),
      completed?.masteryMean ?? null, completed?.masteryStandardError ?? null,
      ...columns(completed?.modelElements ?? []),
    ],
  ));
  return written.rows[0]?.id ?? null;
}
