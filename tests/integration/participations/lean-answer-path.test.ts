import { describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db/client";
import { CAMPAIGN_ACTIVITY_CHANNEL } from "@/lib/db/live/campaign-activity-notify";
import { roundTrips } from "@/lib/db/prisma-factory";
import { BUSY_MESSAGE } from "@/lib/domain/shared/errors";
import { STATE_CALL, SUBMIT_CALL } from "@/lib/db/repositories/answer-transaction";
import { answerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { createUser } from "../../support/factories";
import { openCampaign, pupilIn as startedPupil, transactionsIn, warmAnswerMemory } from "../support/answer-world";

/** A pupil of the campaign and the claims of a session (the answer path takes them decoded). */
async function pupilIn(campaign: { id: number; code: string }) {
  const { pupil, first } = await startedPupil(campaign);
  return { pupil, claims: { userId: pupil.id, sessionId: `s-${pupil.id}`, sessionVersion: 0 }, first };
}

async function recorded<T>(work: () => Promise<T>): Promise<{ value: T; log: string[] }> {
  roundTrips.log = [];
  try {
    const value = await work();
    return { value, log: roundTrips.log };
  } finally {
    roundTrips.log = null;
  }
}

describe("lean answer path (issue 15)", () => {
  it("records the first answer with a read and a writing call, every next one with one statement, and returns the next question or the checkpoint with it", async () => {
    const { id: campaignId, code } = await openCampaign();
    await warmAnswerMemory({ id: campaignId, code });
    const { pupil, claims, first } = await pupilIn({ id: campaignId, code });
    let challengeId = first;
    const perAnswer: { transactions: number; statements: string[] }[] = [];
    let checkpoints = 0;
    // « Suivi en direct » hears every recorded answer (issue 17): a real LISTEN on its own connection.
    const listener = await pgPool().connect();
    const heard: string[] = [];
    listener.on("notification", (n) => {
      if (n.channel === CAMPAIGN_ACTIVITY_CHANNEL) heard.push(n.payload ?? "");
    });
    await listener.query(`LISTEN ${CAMPAIGN_ACTIVITY_CHANNEL}`);
    for (let i = 0; i < 60; i++) {
      const { value: outcome, log } = await recorded(() => answerAndContinue({ claims, code, challengeId, answer: i % 3 ? null : { kind: "fields", values: { reponse: "x" } } }));
      perAnswer.push({ transactions: transactionsIn(log), statements: log });
      if (outcome.kind !== "answered") throw new Error(outcome.kind);
      expect(outcome.result).not.toBe("ALREADY_RECORDED");
      if (outcome.checkpoint) {
        checkpoints++;
        expect(outcome.checkpoint.items.length).toBeGreaterThan(0);
        expect(outcome.checkpoint.items.at(-1)!.id).toBe((await db.answer.findFirstOrThrow({ where: { challengeId }, select: { id: true } })).id);
      }
      if (!outcome.next) break;
      // What the result says is next is what the database says is current.
      const current = await currentQuestion({ userId: pupil.id, campaignId });
      expect(current).toMatchObject({ kind: "question", challengeId: outcome.next.challengeId });
      challengeId = outcome.next.challengeId;
    }
    const statements = perAnswer.map((a) => a.statements.length);
    console.log(`Réponses : ${perAnswer.length}, transactions par réponse : ${[...new Set(perAnswer.map((a) => a.transactions))].join(", ")}, instructions SQL par réponse : ${Math.min(...statements)} à ${Math.max(...statements)}`);
    expect(perAnswer.length).toBeGreaterThan(5);
    expect(checkpoints).toBeGreaterThan(0);
    // The first answer: pix_answer_state (the session, the assessment, what the engine reads, the count of the user's
    // knowledge elements; writes nothing), then pix_answer_submit (everything re-checked, the assessment moved on, the
    // answer, its knowledge elements, the NOTIFY of « Suivi en direct »). Every next one is decided from the state the
    // process wrote and is pix_answer_submit alone: one statement, one transaction, the last answer included (ADR
    // 0013, amendment « 07/12 (8) »).
    expect(perAnswer[0]).toEqual({ transactions: 2, statements: [STATE_CALL, SUBMIT_CALL] });
    for (const a of perAnswer.slice(1)) expect(a).toEqual({ transactions: 1, statements: [SUBMIT_CALL] });
    // The NOTIFY is sent by the writing call (delivered at its commit), once per recorded answer.
    for (let wait = 0; heard.length < perAnswer.length && wait < 50; wait++) await new Promise((r) => setTimeout(r, 20));
    await listener.query(`UNLISTEN ${CAMPAIGN_ACTIVITY_CHANNEL}`);
    listener.release();
    expect(heard).toEqual(perAnswer.map(() => String(campaignId)));
    const participation = await db.participation.findFirstOrThrow({ where: { campaignId } });
    expect(participation.status).toBe("TO_SHARE");
    // The precision engine's result is written by the same transaction (docs/adr/0011-mastery-posterior.md).
    expect(participation.masteryMean).not.toBeNull();
    expect(participation.masteryStandardError).toBeGreaterThan(0);
  });

  it("keeps the rules: double submit once, not-current refused, another pupil not found, archived refused, stale session signed out", async () => {
    const { id: campaignId, code } = await openCampaign();
    const alice = await pupilIn({ id: campaignId, code });
    const bob = await pupilIn({ id: campaignId, code });
    const [a, b] = await Promise.all([
      answerAndContinue({ claims: alice.claims, code, challengeId: alice.first, answer: null }),
      answerAndContinue({ claims: alice.claims, code, challengeId: alice.first, answer: null }),
    ]);
    expect([a, b].map((o) => (o.kind === "answered" ? o.result : o.kind)).sort()).toEqual(["ABAND", "ALREADY_RECORDED"]);
    // The repeated submit shows the same next question as the first.
    expect(a.kind === "answered" && b.kind === "answered" && a.next?.challengeId === b.next?.challengeId).toBe(true);
    expect(await db.answer.count()).toBe(1);
    await expect(answerAndContinue({ claims: alice.claims, code, challengeId: "ch-n-existe-pas", answer: null })).rejects.toMatchObject({ code: "NOT_CURRENT" });
    // A pupil without a participation here reaches nothing (the session's user is the only one read).
    const stranger = await createUser();
    await expect(answerAndContinue({ claims: { userId: stranger.id, sessionId: "s", sessionVersion: 0 }, code, challengeId: alice.first, answer: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await answerAndContinue({ claims: { ...alice.claims, sessionVersion: 1 }, code, challengeId: alice.first, answer: null })).toEqual({ kind: "signed-out" });
    await db.revokedSession.create({ data: { sessionId: alice.claims.sessionId, expiresAt: new Date(Date.now() + 3600_000) } });
    expect(await answerAndContinue({ claims: alice.claims, code, challengeId: alice.first, answer: null })).toEqual({ kind: "signed-out" });
    await db.campaign.update({ where: { id: campaignId }, data: { archivedAt: new Date() } });
    await expect(answerAndContinue({ claims: bob.claims, code, challengeId: bob.first, answer: null })).rejects.toMatchObject({ code: "ARCHIVED" });
    expect(await db.answer.count()).toBe(1);
  });

  it("past capacity answers « Trop de monde » without recording, and the retry is recorded once", async () => {
    const { id: campaignId, code } = await openCampaign();
    await warmAnswerMemory({ id: campaignId, code });
    const { claims, first } = await pupilIn({ id: campaignId, code });
    // Every connection of the pool taken (DATABASE_POOL_SIZE, 10 by default): the answer waits the queue deadline, then is refused.
    const held = await Promise.all(Array.from({ length: 10 }, () => pgPool().connect()));
    const started = Date.now();
    try {
      await expect(answerAndContinue({ claims, code, challengeId: first, answer: null })).rejects.toMatchObject({ code: "BUSY", message: BUSY_MESSAGE });
    } finally {
      for (const c of held) c.release();
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await db.answer.count()).toBe(0);
    // The page retries the same form: recorded once, and a second retry (the first reply lost) changes nothing.
    const retry = await answerAndContinue({ claims, code, challengeId: first, answer: null });
    expect(retry).toMatchObject({ kind: "answered", result: "ABAND" });
    const again = await answerAndContinue({ claims, code, challengeId: first, answer: null });
    expect(again).toMatchObject({ kind: "answered", result: "ALREADY_RECORDED" });
    expect(await db.answer.count()).toBe(1);
  });
});
