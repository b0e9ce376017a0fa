import { describe, expect, it } from "vitest";
import type pg from "pg";
import { db, pgPool } from "@/lib/db/client";
import { completeAssessment, engineContentOfCampaign, findAssessmentOfPupil, knowledgeCountOf, USER_ANSWER_LOCK_NAMESPACE } from "@/lib/db/repositories/assessment-repository";
import { answerStates } from "@/lib/db/repositories/answer-states";
import { BusyError } from "@/lib/domain/shared/errors";
import { openCampaign } from "../support/answer-world";
import { answeredOnce, answersOf, pupilIn, skip } from "../support/answer-states-world";
import { submitUncommitted } from "../support/user-lock-world";

/**
 * An answer blocked in PostgreSQL held its slot of the answer gate for as long as the lock it waited for stayed taken
 * (issue 15: eight of them stopped a process's answers). The answer's functions now give up a lock wait after 500 ms
 * (migration 20261207170000_answer_lock_timeout, ADR 0013 « 07/12 (17) »): the answer is a BusyError (503, sent again
 * by the page), nothing is written, and once the lock is free the same answer is recorded once.
 */

const LOCK_TIMEOUT_MS = 500;
/** Far above the timeout, far below the test's: without a bound the answer is still waiting then. */
const PATIENCE_MS = 3_000;

type Ended = { ended: true; ms: number; value?: unknown; error?: unknown } | { ended: false };
async function endsWithin(work: Promise<unknown>, ms: number): Promise<Ended> {
  const startedAt = Date.now();
  const ended = work.then((value) => ({ ended: true as const, ms: Date.now() - startedAt, value }), (error: unknown) => ({ ended: true as const, ms: Date.now() - startedAt, error }));
  return Promise.race([ended, new Promise<Ended>((resolve) => setTimeout(() => resolve({ ended: false }), ms))]);
}

/** Another session holding something the answer needs, in an open transaction, until `release`. */
async function holding(statement: string, values: unknown[]): Promise<{ release: () => Promise<void> }> {
  const other: pg.PoolClient = await pgPool().connect();
  await other.query("BEGIN");
  await other.query(statement, values);
  return {
    release: async () => {
      await other.query("ROLLBACK").catch(() => undefined);
      other.release();
    },
  };
}

type Pupil = { userId: number; assessmentId: number };

/** The answer blocked by `held`: refused as busy after about the timeout, nothing written; recorded once after. */
async function refusedWhileHeldThenRecorded(held: (pupil: Pupil) => Promise<{ release: () => Promise<void> }>, options: { remembered: boolean }) {
  const campaign = await openCampaign({ warm: true });
  const { pupil, claims, first } = await pupilIn(campaign);
  const question = options.remembered ? await answeredOnce(campaign, claims, first) : first;
  expect(answerStates.get(claims.userId, campaign.code) !== undefined).toBe(options.remembered);
  const assessmentId = (await findAssessmentOfPupil(campaign.id, pupil.id))!.id;
  const before = await answersOf(pupil.id);

  const lock = await held({ userId: pupil.id, assessmentId });
  let blocked: Ended;
  try {
    blocked = await endsWithin(skip(claims, campaign.code, question), PATIENCE_MS);
  } finally {
    await lock.release();
  }
  expect(blocked).toMatchObject({ ended: true });
  if (!blocked.ended) return;
  expect(blocked.error).toBeInstanceOf(BusyError);
  expect(blocked.ms).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS - 50);
  expect(blocked.ms).toBeLessThan(LOCK_TIMEOUT_MS + 1_000);
  expect(await answersOf(pupil.id)).toEqual(before);

  // The page sends it again: recorded once, and once only.
  expect(await skip(claims, campaign.code, question)).toMatchObject({ kind: "answered", result: "ABAND" });
  expect(await skip(claims, campaign.code, question)).toMatchObject({ kind: "answered", result: "ALREADY_RECORDED" });
  expect(await answersOf(pupil.id)).toEqual([...before, { challengeId: question, result: "ABAND" }]);
}

const answerLock = ({ userId }: Pupil) => holding("SELECT pg_advisory_xact_lock($1::int, $2::int)", [USER_ANSWER_LOCK_NAMESPACE, userId]);

describe("an answer blocked on a lock in PostgreSQL (issue 15, guard)", () => {
  it("the pupil's answer lock held by another session: 503 after about 500 ms, nothing written, then recorded once", async () => {
    await refusedWhileHeldThenRecorded(answerLock, { remembered: false });
  });

  it("the same from the state the process remembers (the submit alone)", async () => {
    await refusedWhileHeldThenRecorded(answerLock, { remembered: true });
  });

  it("the assessment's row locked by another session: the submit's UPDATE gives up the same way", async () => {
    await refusedWhileHeldThenRecorded(({ assessmentId }) => holding("SELECT id FROM assessments WHERE id = $1 FOR UPDATE", [assessmentId]), { remembered: true });
  });

  it("a table behind a DDL's ACCESS EXCLUSIVE lock (a migration during a class): the read gives up the same way", async () => {
    await refusedWhileHeldThenRecorded(() => holding("LOCK TABLE assessments IN ACCESS EXCLUSIVE MODE", []), { remembered: false });
  });

  it("the bound is the call's own: the connection's lock_timeout is unchanged after it, even inside the same transaction", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil } = await pupilIn(campaign);
    const skills = (await engineContentOfCampaign(campaign.id)).skills;
    const tab = await pgPool().connect();
    try {
      await tab.query("BEGIN");
      expect(await submitUncommitted(tab, pupil.id, campaign.code, skills.map((s) => s.id), skills[0])).not.toBeNull();
      expect((await tab.query("SHOW lock_timeout")).rows[0].lock_timeout).toBe("0");
    } finally {
      await tab.query("ROLLBACK").catch(() => undefined);
      tab.release();
    }
  });
});

describe("the end of a test with nothing to ask, blocked on the pupil's answer lock (issue 15, guard)", () => {
  it("gives up after about 500 ms as busy, writes nothing, and ends the test once the lock is free", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil } = await pupilIn(campaign);
    const assessment = (await findAssessmentOfPupil(campaign.id, pupil.id))!;
    const completion = { modelElements: [], masteryMean: 0.5, masteryStandardError: 0.1 };
    const end = async () => completeAssessment({ assessmentId: assessment.id, userId: pupil.id, participationId: assessment.participationId, completion, now: new Date(), knowledgeCount: await knowledgeCountOf(pupil.id) });

    const lock = await answerLock({ userId: pupil.id, assessmentId: assessment.id });
    let blocked: Ended;
    try {
      blocked = await endsWithin(end(), PATIENCE_MS);
    } finally {
      await lock.release();
    }
    expect(blocked).toMatchObject({ ended: true });
    if (!blocked.ended) return;
    expect(blocked.error).toBeInstanceOf(BusyError);
    expect(blocked.ms).toBeLessThan(LOCK_TIMEOUT_MS + 1_000);
    expect(await db.assessment.findUniqueOrThrow({ where: { id: assessment.id }, select: { state: true } })).toEqual({ state: "STARTED" });

    expect(await end()).toBe(true);
    expect(await db.assessment.findUniqueOrThrow({ where: { id: assessment.id }, select: { state: true } })).toEqual({ state: "COMPLETED" });
  });
});
