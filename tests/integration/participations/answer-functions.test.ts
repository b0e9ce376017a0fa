import { describe, expect, it } from "vitest";
import type pg from "pg";
import { db, pgPool } from "@/lib/db/client";
import { answerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { engineContentOfCampaign } from "@/lib/db/repositories/assessment-repository";
import { READ_CALL, RECORD_CALL } from "@/lib/db/repositories/answer-transaction";
import { createUser } from "../../support/factories";
import { openCampaign, pupilIn } from "../support/answer-world";

/**
 * The answer's SQL as PL/pgSQL functions (pix_answer_read and pix_answer_record, migration
 * 20261207060000_answer_optimistic) against their specification: the plain statements the answer path ran before
 * functions (kept here as the reference, from the review of 07/12). Each side runs on the same state in a transaction
 * that is rolled back, and the rows it leaves are compared (ids relative to the answer's: sequences are not rolled
 * back). The record call also refuses a state that moved since the read (answer count, timer), which the reference did
 * under its lock. Then what the functions must resist: an overload on the search_path, and a later migration that
 * swaps an enum type.
 */

const MAIN_SESSION = `SELECT u.session_version, u.should_change_password, EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.session_id = $3) AS revoked, x.*
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
       WHERE u.id = $1`;
const MAIN_READ = `SELECT (SELECT coalesce(json_agg(json_build_array(id, challenge_id, result) ORDER BY id), '[]'::json) FROM answers WHERE assessment_id = $1) AS answers,
              (SELECT coalesce(json_agg(json_build_array(k.skill_id, k.status, k.source, k.earned_pix, k.competence_id, k.created_at)), '[]'::json)
               FROM (SELECT DISTINCT ON (skill_id) skill_id, status, source, earned_pix, competence_id, created_at FROM knowledge_elements
                     JOIN unnest($3::text[]) AS campaign_skill(skill_id) USING (skill_id)
                     WHERE user_id = $2 ORDER BY skill_id, created_at DESC, id DESC) k) AS knowledge`;

type Ke = { skillId: string; competenceId: string; status: string; source: string; earnedPix: number };
type Write = { assessmentId: number; current: string; answersCount: number; timerStarted: boolean; at: Date; next: string | null; value: unknown; result: string; timeSpent: number | null; userId: number; campaignId: number; participationId: number; ke: Ke[]; model: Ke[]; mean: number; se: number };

/** main's writeAnswer + insertKnowledge + the participation's update, verbatim but for the parameter helper. */
async function mainWrite(client: pg.PoolClient, w: Write): Promise<number | null> {
  const params: unknown[] = [];
  const $ = (value: unknown) => `$${params.push(value)}`;
  const [id, current, at] = [$(w.assessmentId), $(w.current), $(w.at)];
  const move = w.next === null ? `state = 'COMPLETED', current_challenge_id = NULL` : `current_challenge_id = ${$(w.next)}, current_asked_at = ${at}, is_timer_started = false`;
  const ke = w.ke;
  const written = await client.query<{ id: number }>(
    `WITH moved AS (
       UPDATE assessments SET ${move}, answers_count = answers_count + 1, updated_at = ${at}
       WHERE id = ${id} AND state = 'STARTED' AND current_challenge_id = ${current} RETURNING id
     ), answer AS (
       INSERT INTO answers (assessment_id, challenge_id, value, result, time_spent, created_at)
       SELECT moved.id, ${current}, ${$(JSON.stringify(w.value))}::jsonb, ${$(w.result)}::"AnswerResult", ${$(w.timeSpent)}::int, ${at} FROM moved
       RETURNING id
     ), knowledge AS (
       INSERT INTO knowledge_elements (user_id, assessment_id, answer_id, skill_id, competence_id, status, source, earned_pix, created_at)
       SELECT ${$(w.userId)}::int, ${id}, answer.id, k.skill_id, k.competence_id, k.status::"KnowledgeElementStatus", k.source::"KnowledgeElementSource", k.earned_pix, ${at}
       FROM answer CROSS JOIN unnest(${$(ke.map((k) => k.skillId))}::text[], ${$(ke.map((k) => k.competenceId))}::text[], ${$(ke.map((k) => k.status))}::text[],
                                     ${$(ke.map((k) => k.source))}::text[], ${$(ke.map((k) => k.earnedPix))}::float8[]) AS k(skill_id, competence_id, status, source, earned_pix)
     )
     SELECT answer.id, pg_notify('campaign_activity', ${$(String(w.campaignId))}::text) FROM answer`,
    params,
  );
  if (written.rowCount !== 1) return null;
  if (w.next === null) {
    if (w.model.length) {
      await client.query(
        `INSERT INTO knowledge_elements (user_id, assessment_id, answer_id, skill_id, competence_id, status, source, earned_pix, created_at)
         SELECT $1, $2, $3, k.skill_id, k.competence_id, k.status::"KnowledgeElementStatus", k.source::"KnowledgeElementSource", k.earned_pix, $4
         FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::float8[]) AS k(skill_id, competence_id, status, source, earned_pix)`,
        [w.userId, w.assessmentId, null, w.at, w.model.map((k) => k.skillId), w.model.map((k) => k.competenceId), w.model.map((k) => k.status), w.model.map((k) => k.source), w.model.map((k) => k.earnedPix)],
      );
    }
    await client.query(`UPDATE participations SET status = 'TO_SHARE', mastery_mean = $2, mastery_standard_error = $3 WHERE id = $1 AND status = 'STARTED'`, [w.participationId, w.mean, w.se]);
  }
  return written.rows[0].id;
}

const cols = (ke: Ke[]) => [ke.map((k) => k.skillId), ke.map((k) => k.competenceId), ke.map((k) => k.status), ke.map((k) => k.source), ke.map((k) => k.earnedPix)];
async function functionWrite(client: pg.PoolClient, w: Write): Promise<number | null> {
  const r = await client.query<{ id: number | null }>(
    RECORD_CALL,
    [w.assessmentId, w.current, w.answersCount, w.timerStarted, w.at, w.next, JSON.stringify(w.value), w.result, w.timeSpent, w.userId, w.campaignId, ...cols(w.ke), w.participationId, w.next === null ? w.mean : null, w.next === null ? w.se : null, ...cols(w.next === null ? w.model : [])],
  );
  return r.rows[0]?.id ?? null;
}

/** The rows an answer's write touches, ids made relative to the written answer's. */
async function state(client: pg.PoolClient, userId: number, assessmentId: number, answerId: number | null) {
  // Rows written by this transaction: ids relative to its answer (sequences are not rolled back); older rows as they are.
  const rel = (id: number | null) => (id === null || answerId === null || id < answerId ? id : `new+${id - answerId}`);
  const a = (await client.query("SELECT state, current_challenge_id, current_asked_at, is_timer_started, answers_count, updated_at FROM assessments WHERE id = $1", [assessmentId])).rows;
  const answers = (await client.query("SELECT id, challenge_id, value, result, time_spent, created_at FROM answers WHERE assessment_id = $1 ORDER BY id", [assessmentId])).rows.map((r) => ({ ...r, id: rel(r.id) }));
  const ke = (await client.query("SELECT id, answer_id, skill_id, competence_id, status, source, earned_pix, created_at, assessment_id FROM knowledge_elements WHERE user_id = $1 ORDER BY id", [userId])).rows.map((r) => ({ ...r, id: undefined, answer_id: rel(r.answer_id) }));
  const p = (await client.query("SELECT p.status, p.mastery_mean, p.mastery_standard_error FROM participations p JOIN assessments a ON a.participation_id = p.id WHERE a.id = $1", [assessmentId])).rows;
  return { a, answers, ke, p };
}

/** Runs `work` in a transaction that is rolled back (NOTIFY is delivered at COMMIT only: lean-answer-path.test.ts LISTENs). */
async function rolledBack<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    return await work(client);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

/** A pupil of the shared world (answer-world.ts) with four answers, so that there are answers and elements to read. */
async function world() {
  const campaign = await openCampaign({ name: "Revue" });
  const { pupil } = await pupilIn(campaign);
  const claims = { userId: pupil.id, sessionId: `s-${pupil.id}`, sessionVersion: 0 };
  for (let i = 0; i < 4; i++) {
    const q = await currentQuestion({ userId: pupil.id, campaignId: campaign.id });
    if (q.kind !== "question") break;
    await answerAndContinue({ claims, code: campaign.code, challengeId: q.challengeId, answer: null });
  }
  const content = await engineContentOfCampaign(campaign.id);
  return { campaign, pupil, claims, skills: content.skills.map((s) => s.id), content };
}

function normalizeOpen(main: Record<string, unknown> | undefined, read: Record<string, unknown> | undefined) {
  if (!main) return null;
  const { is_improving: _i, ...rest } = main;
  return { ...rest, is_improving: _i, answers: read?.answers ?? null, knowledge: read?.knowledge ?? null };
}

describe("pix_answer_read / pix_answer_record (migration 20261207060000_answer_optimistic)", () => {
  it("reads the same session, assessment and engine input in every case of the session check", async () => {
    const { campaign, pupil, claims, skills } = await world();
    const stranger = await createUser();
    const cases: { label: string; prepare?: () => Promise<void>; args: [number, string, string, number] }[] = [
      { label: "valid", args: [claims.userId, campaign.code, claims.sessionId, 0] },
      { label: "old session version", args: [claims.userId, campaign.code, claims.sessionId, 1] },
      { label: "unknown user", args: [999_999, campaign.code, "x", 0] },
      { label: "stranger", args: [stranger.id, campaign.code, "x", 0] },
      { label: "wrong code", args: [claims.userId, "NOPE", claims.sessionId, 0] },
      { label: "revoked", prepare: async () => void (await db.revokedSession.create({ data: { sessionId: "revoked-1", expiresAt: new Date(Date.now() + 3600_000) } })), args: [claims.userId, campaign.code, "revoked-1", 0] },
      { label: "must change password", prepare: async () => void (await db.user.update({ where: { id: pupil.id }, data: { shouldChangePassword: true } })), args: [claims.userId, campaign.code, claims.sessionId, 0] },
    ];
    for (const c of cases) {
      await c.prepare?.();
      const [userId, code, sessionId, version] = c.args;
      const main = await rolledBack(async (client) => {
        const found = (await client.query(MAIN_SESSION, [userId, code, sessionId])).rows[0];
        // main read the engine's input only when the session held and there was an assessment (the caller's checks).
        const valid = found && !found.revoked && found.session_version === version && !found.should_change_password && found.id !== null && found.user_id === userId;
        const read = valid ? (await client.query(MAIN_READ, [found.id, userId, skills])).rows[0] : undefined;
        return normalizeOpen(found, read);
      });
      const fn = await rolledBack(async (client) => (await client.query(READ_CALL, [userId, code, sessionId, version, skills])).rows[0] ?? null);
      expect({ label: c.label, row: fn }).toEqual({ label: c.label, row: main });
    }
  });

  it("writes the same rows for a next question, the end of the test, and a failed guard", async () => {
    const { campaign, pupil, content } = await world();
    const a = await db.assessment.findFirstOrThrow({ where: { userId: pupil.id }, include: { participation: true } });
    const skill = content.skills[0];
    const ke: Ke[] = [
      { skillId: skill.id, competenceId: "rec-competence", status: "VALIDATED", source: "DIRECT", earnedPix: 1.5 },
      { skillId: content.skills[1].id, competenceId: "rec-competence", status: "INVALIDATED", source: "INFERRED", earnedPix: 0 },
    ];
    const model: Ke[] = [{ skillId: content.skills[2].id, competenceId: "rec-competence", status: "VALIDATED", source: "MODEL", earnedPix: 2 }];
    const at = new Date("2026-12-07T03:30:00.123Z");
    const base: Write = { assessmentId: a.id, current: a.currentChallengeId!, answersCount: a.answersCount, timerStarted: a.isTimerStarted, at, next: content.challenges.find((c) => c.id !== a.currentChallengeId)!.id, value: { kind: "fields", values: { reponse: "l'été; « x »" } }, result: "KO", timeSpent: 12, userId: pupil.id, campaignId: campaign.id, participationId: a.participationId!, ke, model, mean: 0.4, se: 0.2 };
    const variants: [string, Write][] = [
      ["next question", base],
      ["end of the test", { ...base, next: null }],
      ["end of the test, no MODEL elements", { ...base, next: null, model: [] }],
      ["no knowledge element, null value and time", { ...base, ke: [], value: null, timeSpent: null }],
      ["not the current question", { ...base, current: "ch-pas-courante" }],
      ["another assessment id", { ...base, assessmentId: a.id + 1000 }],
    ];
    for (const [label, w] of variants) {
      const main = await rolledBack(async (client) => {
        const id = await mainWrite(client, w);
        return { written: id !== null, state: await state(client, pupil.id, a.id, id) };
      });
      const fn = await rolledBack(async (client) => {
        const id = await functionWrite(client, w);
        return { written: id !== null, state: await state(client, pupil.id, a.id, id) };
      });
      expect({ label, ...fn }).toEqual({ label, ...main });
    }
    // A state that moved after the read (another answer counted, « Commencer » pressed), or an assessment that is not
    // the user's: nothing written, as for a question that is no longer current.
    const untouched = await rolledBack(async (client) => state(client, pupil.id, a.id, null));
    for (const [label, w] of [["another answer count", { ...base, answersCount: a.answersCount - 1 }], ["the timer as it was not", { ...base, timerStarted: !a.isTimerStarted }], ["another user's id", { ...base, userId: base.userId + 1 }]] as [string, Write][]) {
      const fn = await rolledBack(async (client) => {
        const id = await functionWrite(client, w);
        return { written: id !== null, state: await state(client, pupil.id, a.id, id) };
      });
      expect({ label, ...fn }).toEqual({ label, written: false, state: untouched });
    }
  });

  it("reads the migrations' tables whatever the caller's search_path puts before them", async () => {
    // A table of the same name in a schema the caller searches first (another role's, or pg_temp) must not be read:
    // the functions run with their own search_path (public, pg_temp last).
    const { campaign, claims, skills } = await world();
    const row = await rolledBack(async (client) => {
      await client.query("CREATE SCHEMA shadow");
      await client.query("CREATE TABLE shadow.revoked_sessions (session_id text)");
      await client.query("INSERT INTO shadow.revoked_sessions VALUES ($1)", [claims.sessionId]);
      await client.query("SET LOCAL search_path = shadow, public");
      return (await client.query(READ_CALL, [claims.userId, campaign.code, claims.sessionId, claims.sessionVersion, skills])).rows[0];
    });
    expect({ revoked: row.revoked, state: row.state }).toEqual({ revoked: false, state: "STARTED" });
  });

  it.each(["AnswerResult", "AssessmentState", "AssessmentMethod", "KnowledgeElementStatus", "KnowledgeElementSource"])(
    "lets a later migration swap the enum %s the way Prisma removes a value, and still answers afterwards",
    async (type) => {
      // Prisma removes an enum value by creating a new type, moving every column to it, renaming, and dropping the old
      // type: the drop fails if a function's signature names the type. Same values here (the swap is what matters).
      const { campaign, claims, skills } = await world();
      const outcome = await rolledBack(async (client) => {
        try {
          await swapEnum(client, type);
          const open = (await client.query(READ_CALL, [claims.userId, campaign.code, claims.sessionId, claims.sessionVersion, skills])).rows[0];
          const w: Write = { assessmentId: open.id, current: open.current_challenge_id, answersCount: open.answers_count, timerStarted: open.is_timer_started, at: new Date(), next: null, value: null, result: "OK", timeSpent: 3, userId: claims.userId, campaignId: campaign.id, participationId: open.participation_id, ke: [{ skillId: skills[0], competenceId: "rec-competence", status: "VALIDATED", source: "DIRECT", earnedPix: 1 }], model: [{ skillId: skills[1], competenceId: "rec-competence", status: "INVALIDATED", source: "MODEL", earnedPix: 0 }], mean: 0.1, se: 0.3 };
          return { state: open.state, method: open.assessment_method, written: (await functionWrite(client, w)) !== null };
        } catch (e) {
          return (e as Error).message;
        }
      });
      expect(outcome).toEqual({ state: "STARTED", method: "PRECISION", written: true });
    },
  );
});

/** What `prisma migrate dev` writes to remove a value of an enum, with the type's own values kept. */
async function swapEnum(client: pg.PoolClient, type: string) {
  const values = (await client.query<{ v: string }>(`SELECT e.enumlabel AS v FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`, [type])).rows.map((r) => r.v);
  const columns = (await client.query<{ table_name: string; column_name: string; column_default: string | null }>(
    `SELECT table_name, column_name, column_default FROM information_schema.columns WHERE table_schema = 'public' AND udt_name = $1`, [type])).rows;
  expect(columns.length).toBeGreaterThan(0);
  await client.query(`CREATE TYPE "${type}_new" AS ENUM (${values.map((v) => `'${v}'`).join(", ")})`);
  for (const c of columns) {
    if (c.column_default) await client.query(`ALTER TABLE "${c.table_name}" ALTER COLUMN "${c.column_name}" DROP DEFAULT`);
    await client.query(`ALTER TABLE "${c.table_name}" ALTER COLUMN "${c.column_name}" TYPE "${type}_new" USING ("${c.column_name}"::text::"${type}_new")`);
  }
  await client.query(`ALTER TYPE "${type}" RENAME TO "${type}_old"`);
  await client.query(`ALTER TYPE "${type}_new" RENAME TO "${type}"`);
  await client.query(`DROP TYPE "public"."${type}_old"`);
  for (const c of columns) if (c.column_default) await client.query(`ALTER TABLE "${c.table_name}" ALTER COLUMN "${c.column_name}" SET DEFAULT ${c.column_default.replace(`"${type}_new"`, `"${type}"`)}`);
}
