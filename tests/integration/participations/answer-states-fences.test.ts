import { describe, expect, it, vi } from "vitest";
import { db, pgPool } from "@/lib/db/client";
import { CAMPAIGN_ACTIVITY_CHANNEL } from "@/lib/db/live/campaign-activity-notify";
import { answerStates } from "@/lib/db/repositories/answer-states";
import { runAnswer, STATE_CALL, SUBMIT_CALL, type AnswerSnapshot, type AnswerWrite } from "@/lib/db/repositories/answer-transaction";
import { answerChallengeSource } from "@/lib/db/repositories/content-memory";
import { engineContentOfCampaign } from "@/lib/db/repositories/assessment-repository";
import { answerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { answerChallenge, currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { openCampaign } from "../support/answer-world";
import { answeredOnce, answersOf, bySkill, COLD, pupilIn, skip, statementsOf } from "../support/answer-states-world";

/**
 * The fences of pix_answer_submit that answer-states.test.ts does not reach (review of ADR 0013 « 07/12 (8) »): each
 * writer of what the remembered state says, acting after the state was remembered, makes the one statement write
 * nothing; the answer is read and decided again from what the database holds. And the remembered state stays what a
 * read would return even when the database's order of knowledge elements (created_at, not commit order) disagrees
 * with the order the process wrote them in.
 */
const skipWrite = (next: string): AnswerWrite => ({ value: { kind: "skip" }, result: "ABAND", timeSpent: 1, knowledgeElements: [], next: { challengeId: next } });

describe("what the one-statement answer re-checks (review)", () => {
  it("a forced password change after the state was remembered: « must change password », nothing written", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const second = await answeredOnce(campaign, claims, first);
    await db.user.update({ where: { id: pupil.id }, data: { shouldChangePassword: true } });
    const { value, log } = await statementsOf(() => skip(claims, campaign.code, second));
    expect(value).toEqual({ kind: "must-change-password" });
    expect(log).toEqual([SUBMIT_CALL, STATE_CALL]);
    expect(await answersOf(pupil.id)).toHaveLength(1);
  });

  it("the teacher changes the engine's settings after the state was remembered: the next question follows them", async () => {
    const campaign = await openCampaign({ warm: true });
    const { claims, first } = await pupilIn(campaign);
    await answeredOnce(campaign, claims, first);
    const before = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { precisionTarget: true } });
    const changed = before.precisionTarget === 5 ? 8 : 5;
    await db.campaign.update({ where: { id: campaign.id }, data: { precisionTarget: changed } });
    const skills = (await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id);
    const seen: (number | null)[] = [];
    const outcome = await statementsOf(() => runAnswer(claims, campaign.code, skills, (snap) => {
      seen.push(snap.assessment.precisionTarget);
      return { write: skipWrite("ch-suivante"), decision: snap.assessment.precisionTarget };
    }, new Date()));
    expect(seen).toEqual([before.precisionTarget, changed]);
    expect(outcome.log).toEqual(COLD);
    expect(outcome.value).toMatchObject({ kind: "done", decision: changed });
  });

  it("a question restarted (same question, asked again) after the state was remembered: decided from the new instant", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const second = await answeredOnce(campaign, claims, first);
    const askedAgain = new Date(Date.now() + 5_000);
    await db.assessment.updateMany({ where: { userId: pupil.id }, data: { currentAskedAt: askedAgain } });
    const skills = (await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id);
    const seen: number[] = [];
    const outcome = await statementsOf(() => runAnswer(claims, campaign.code, skills, (snap) => {
      seen.push(snap.assessment.currentAskedAt!.getTime());
      return { write: skipWrite("ch-suivante"), decision: null };
    }, new Date()));
    expect(seen[1]).toBe(askedAgain.getTime());
    expect(outcome.log).toEqual(COLD);
    expect((await answersOf(pupil.id)).map((a) => a.challengeId)).toEqual([first, second]);
  });

  it("a submit refused from a stale memory sends no NOTIFY: « Suivi en direct » hears each recorded answer once", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const listener = await pgPool().connect();
    const heard: string[] = [];
    listener.on("notification", (n) => n.channel === CAMPAIGN_ACTIVITY_CHANNEL && heard.push(n.payload ?? ""));
    await listener.query(`LISTEN ${CAMPAIGN_ACTIVITY_CHANNEL}`);
    try {
      const second = await answeredOnce(campaign, claims, first);
      // Another process records the current question: this process's memory is stale.
      await answerChallenge({ userId: pupil.id, campaignId: campaign.id, challengeId: second, answer: null });
      const third = await currentQuestion({ userId: pupil.id, campaignId: campaign.id });
      if (third.kind !== "question") throw new Error("expected a question");
      const { log } = await statementsOf(() => skip(claims, campaign.code, third.challengeId));
      expect(log).toEqual([STATE_CALL, SUBMIT_CALL]);
      for (let wait = 0; heard.length < 3 && wait < 50; wait++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
      expect(heard).toEqual([String(campaign.id), String(campaign.id), String(campaign.id)]);
    } finally {
      await listener.query(`UNLISTEN ${CAMPAIGN_ACTIVITY_CHANNEL}`);
      listener.release();
    }
  });

  it("a knowledge element dated after the answer's instant (another process's clock, a tab that started later): the memory keeps the database's latest", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const second = await answeredOnce(campaign, claims, first);
    const source = (await answerChallengeSource(second))!;
    // Committed before this answer's read, but dated a little after its instant: a MODEL element of another campaign
    // completed by a process whose clock is ahead (or whose request started later). The database's latest element of
    // this skill is it (ORDER BY created_at DESC), whatever this answer writes at its own, earlier, instant.
    const later = new Date(Date.now() + 60_000);
    await db.knowledgeElement.create({ data: { userId: pupil.id, skillId: source.skillId, competenceId: source.competenceId, status: "VALIDATED", source: "MODEL", earnedPix: source.pixValue, createdAt: later } });
    const outcome = await skip(claims, campaign.code, second);
    if (outcome.kind !== "answered" || !outcome.next) throw new Error("expected a next question");
    const skills = (await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id);
    const seen: AnswerSnapshot[] = [];
    await runAnswer(claims, campaign.code, skills, (snap) => (seen.push(snap), { write: null, decision: null }), new Date());
    expect(seen).toHaveLength(2);
    expect(seen[1].knowledge.find((k) => k.skillId === source.skillId)).toMatchObject({ source: "MODEL", createdAt: later });
    // The memory says what the read says: the next decision from memory is the one a read would make.
    expect(bySkill(seen[0])).toEqual(bySkill(seen[1]));
  });
});

describe("two processes, each with its own memory (review)", () => {
  it("answers alternating between them, then the same answer to both at once: each recorded once, in order", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    // A second copy of the answer path's modules: its own remembered states and its own pool, as another process.
    vi.resetModules();
    const other = await import("@/lib/use-cases/participations/answer-and-continue");
    const otherStates = (await import("@/lib/db/repositories/answer-states")).answerStates;
    const otherPool = (await import("@/lib/db/client")).pgPool();
    try {
      const processes = [answerAndContinue, other.answerAndContinue];
      const asked = [first];
      let challengeId = first;
      for (let i = 0; i < 6; i++) {
        const reply = await processes[i % 2]({ claims, code: campaign.code, challengeId, answer: null });
        if (reply.kind !== "answered" || !reply.next) throw new Error("expected a next question");
        // « Je passe », or a timed question never started: late.
        expect(["ABAND", "TIMEDOUT"]).toContain(reply.result);
        challengeId = reply.next.challengeId;
        asked.push(challengeId);
      }
      // Both remember the pupil, one of them a stale state.
      expect(answerStates.get(claims.userId, campaign.code)).toBeDefined();
      expect(otherStates.get(claims.userId, campaign.code)).toBeDefined();
      const both = await Promise.all(processes.map((answer) => answer({ claims, code: campaign.code, challengeId, answer: null })));
      const results = both.map((o) => (o.kind === "answered" ? o.result : o.kind));
      expect(results.filter((r) => r === "ALREADY_RECORDED")).toHaveLength(1);
      expect(results.filter((r) => r === "ABAND" || r === "TIMEDOUT")).toHaveLength(1);
      const [x, y] = both;
      expect(x.kind === "answered" && y.kind === "answered" && x.next?.challengeId === y.next?.challengeId).toBe(true);
      expect((await answersOf(pupil.id)).map((a) => a.challengeId)).toEqual(asked);
      const current = await currentQuestion({ userId: pupil.id, campaignId: campaign.id });
      const next = x.kind === "answered" ? x.next : undefined;
      // The reply says what the database says: the next question, or the end of the test (a pupil who skips every
      // question ends early).
      expect(current).toMatchObject(next ? { kind: "question", challengeId: next.challengeId } : { kind: "completed" });
    } finally {
      otherStates.clear();
      await otherPool.end();
    }
  });
});
