import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runAnswer, STATE_CALL, SUBMIT_CALL, type AnswerSnapshot, type AnswerWrite } from "@/lib/db/repositories/answer-transaction";
import { engineContentOfCampaign, startTimer } from "@/lib/db/repositories/assessment-repository";
import { answerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { answerChallenge, currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { openCampaign, transactionsIn } from "../support/answer-world";
import { answeredOnce, answersOf, bySkill, COLD, pupilIn, skip, statementsOf } from "../support/answer-states-world";

/**
 * The state a process remembers after writing an answer (ADR 0013, amendment « 07/12 (8) »): the next answer is one
 * statement, pix_answer_submit, decided from memory; whatever moved in the database since (another process, a tab, a
 * timer, a revoked session, an archived campaign, knowledge elements written in another campaign) makes it write
 * nothing, and the answer is read and decided again. A stale memory costs a read, never a wrong write.
 */
describe("the remembered state of a pupil's test", () => {
  it("is exactly what a read would return after each answer, and each warm answer is one statement, one transaction", async () => {
    const campaign = await openCampaign({ warm: true });
    const { claims, first } = await pupilIn(campaign);
    const skills = (await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id);
    let challengeId = first;
    for (let i = 0; i < 12; i++) {
      const { value: outcome, log } = await statementsOf(() => answerAndContinue({ claims, code: campaign.code, challengeId, answer: i % 2 ? null : { kind: "fields", values: { reponse: "x" } } }));
      expect({ transactions: transactionsIn(log), log }).toEqual(i === 0 ? { transactions: 2, log: [STATE_CALL, SUBMIT_CALL] } : { transactions: 1, log: [SUBMIT_CALL] });
      if (outcome.kind !== "answered" || !outcome.next) break;
      // A decision that writes nothing is never taken from memory: the memory's snapshot, then a fresh read's.
      const seen: AnswerSnapshot[] = [];
      await runAnswer(claims, campaign.code, skills, (snap) => (seen.push(snap), { write: null, decision: null }), new Date());
      expect(seen).toHaveLength(2);
      expect(bySkill(seen[0])).toEqual(bySkill(seen[1]));
      challengeId = outcome.next.challengeId;
    }
    expect((await answersOf(claims.userId)).length).toBeGreaterThan(3);
  });

  it("answers written by another process: never decided from the stale memory, read and recorded right", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const second = await answeredOnce(campaign, claims, first);
    // Another process (the Prisma path, which knows nothing of this memory) records the current question.
    await answerChallenge({ userId: pupil.id, campaignId: campaign.id, challengeId: second, answer: null });
    const third = await currentQuestion({ userId: pupil.id, campaignId: campaign.id });
    if (third.kind !== "question") throw new Error("expected a question");
    // The memory says the current question is still the one the other process answered: a refusal from memory is
    // not trusted, the answer is read and decided again (no write was attempted from it).
    const next = await statementsOf(() => skip(claims, campaign.code, third.challengeId));
    expect(next.log).toEqual([STATE_CALL, SUBMIT_CALL]);
    expect(next.value).toMatchObject({ kind: "answered", result: "ABAND" });
    // The other process's answer sent again from this one (its reply lost): already recorded, as the database says.
    const fourth = await currentQuestion({ userId: pupil.id, campaignId: campaign.id });
    const again = await skip(claims, campaign.code, second);
    expect(again).toMatchObject({ kind: "answered", result: "ALREADY_RECORDED", next: { challengeId: fourth.kind === "question" ? fourth.challengeId : "?" } });
    expect((await answersOf(pupil.id)).map((a) => a.challengeId)).toEqual([first, second, third.challengeId]);
  });

  it("a session revoked after the state was remembered: signed out, nothing written", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const second = await answeredOnce(campaign, claims, first);
    await db.revokedSession.create({ data: { sessionId: claims.sessionId, expiresAt: new Date(Date.now() + 3600_000) } });
    const { value, log } = await statementsOf(() => skip(claims, campaign.code, second));
    expect(value).toEqual({ kind: "signed-out" });
    expect(log).toEqual([SUBMIT_CALL, STATE_CALL]);
    expect(await answersOf(pupil.id)).toHaveLength(1);
    // A password change (a new session version) likewise.
    const bumped = await openCampaign({ warm: true });
    const other = await pupilIn(bumped);
    const next = await answeredOnce(bumped, other.claims, other.first);
    await db.user.update({ where: { id: other.pupil.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await skip(other.claims, bumped.code, next)).toEqual({ kind: "signed-out" });
    expect(await answersOf(other.pupil.id)).toHaveLength(1);
  });

  it.each([
    {
      what: "a campaign archived", code: "ARCHIVED",
      act: (campaignId: number) => db.campaign.update({ where: { id: campaignId }, data: { archivedAt: new Date() } }),
    },
    {
      what: "a participation deleted by the teacher", code: "NOT_FOUND",
      act: (_: number, userId: number) => db.participation.updateMany({ where: { userId }, data: { deletedAt: new Date() } }),
    },
    {
      what: "a participation superseded (« Repasser »)", code: "NOT_FOUND",
      act: (_: number, userId: number) => db.participation.updateMany({ where: { userId }, data: { isImproved: true } }),
    },
  ])("$what after the state was remembered: refused ($code), nothing written", async ({ code, act }) => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const second = await answeredOnce(campaign, claims, first);
    await act(campaign.id, pupil.id);
    await expect(skip(claims, campaign.code, second)).rejects.toMatchObject({ code });
    expect(await answersOf(pupil.id)).toHaveLength(1);
  });

  it("knowledge elements written in another campaign after the state was remembered: the decision is made from them", async () => {
    const a = await openCampaign({ warm: true, name: "A" });
    const b = await openCampaign({ warm: true, name: "B" });
    const inA = await pupilIn(a);
    const inB = await pupilIn(b, inA.pupil);
    const nextInA = await answeredOnce(a, inA.claims, inA.first);
    const before = await db.knowledgeElement.count({ where: { userId: inA.pupil.id } });
    // The same pupil, in another tab, answers in campaign B (same skills) until new knowledge elements are written (a
    // skill campaign A already assessed gets none).
    let inBQuestion: string | undefined = inB.first;
    while (inBQuestion && (await db.knowledgeElement.count({ where: { userId: inA.pupil.id } })) === before) {
      const reply = await answerAndContinue({ claims: inB.claims, code: b.code, challengeId: inBQuestion, answer: { kind: "fields", values: { reponse: "x" } } });
      inBQuestion = reply.kind === "answered" ? reply.next?.challengeId : undefined;
    }
    const written = await db.knowledgeElement.findMany({ where: { userId: inA.pupil.id }, orderBy: { id: "asc" }, skip: before, select: { skillId: true } });
    expect(written.length).toBeGreaterThan(0);
    const skills = (await engineContentOfCampaign(a.id)).skills.map((s) => s.id);
    const seen: AnswerSnapshot[] = [];
    const outcome = await statementsOf(() => runAnswer(inA.claims, a.code, skills, (snap) => {
      seen.push(snap);
      return { write: { value: { kind: "skip" }, result: "ABAND", timeSpent: 1, knowledgeElements: [], next: { challengeId: "ch-suivante" } } satisfies AnswerWrite, decision: seen.length };
    }, new Date()));
    // Decided from memory, refused by the database, decided again from a read that has B's elements, written.
    expect(outcome.log).toEqual(COLD);
    expect(outcome.value).toMatchObject({ kind: "done", decision: 2 });
    const fresh = new Set(seen[1].knowledge.map((k) => k.skillId));
    for (const k of written) expect(fresh.has(k.skillId)).toBe(true);
    expect(bySkill(seen[1]).knowledge).not.toEqual(bySkill(seen[0]).knowledge);
    expect((await answersOf(inA.pupil.id)).filter((x) => x.challengeId === nextInA)).toHaveLength(1);
  });

  it("a timer started after the state was remembered: the answer is measured from « Commencer »", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const second = await answeredOnce(campaign, claims, first);
    const { id: assessmentId } = await db.assessment.findFirstOrThrow({ where: { userId: pupil.id } });
    await startTimer(assessmentId, second, new Date());
    const skills = (await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id);
    const seen: boolean[] = [];
    const outcome = await statementsOf(() => runAnswer(claims, campaign.code, skills, (snap) => {
      seen.push(snap.assessment.isTimerStarted);
      return { write: { value: { kind: "skip" }, result: "ABAND", timeSpent: 1, knowledgeElements: [], next: { challengeId: "ch-suivante" } }, decision: snap.assessment.isTimerStarted };
    }, new Date()));
    expect(seen).toEqual([false, true]);
    expect(outcome.log).toEqual(COLD);
    expect(outcome.value).toMatchObject({ kind: "done", decision: true });
    expect(await answersOf(pupil.id)).toHaveLength(2);
  });

  it("the same answer twice at once from a warm memory: recorded once, both replies show the same next question", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const second = await answeredOnce(campaign, claims, first);
    const [x, y] = await Promise.all([skip(claims, campaign.code, second), skip(claims, campaign.code, second)]);
    expect([x, y].map((o) => (o.kind === "answered" ? o.result : o.kind)).sort()).toEqual(["ABAND", "ALREADY_RECORDED"]);
    expect(x.kind === "answered" && y.kind === "answered" && x.next?.challengeId === y.next?.challengeId).toBe(true);
    expect((await answersOf(pupil.id)).map((a) => a.challengeId)).toEqual([first, second]);
    // The memory the winner left is still right: the next answer is one statement.
    const third = x.kind === "answered" ? x.next!.challengeId : "";
    expect((await statementsOf(() => skip(claims, campaign.code, third))).log).toEqual([SUBMIT_CALL]);
  });
});
