import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isDatabaseBusy, runAnswer, type AnswerSnapshot, type AnswerWrite } from "@/lib/db/repositories/answer-transaction";
import { engineContentOfCampaign, startTimer } from "@/lib/db/repositories/assessment-repository";
import { answerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { openCampaign, pupilIn as startedPupil, skipToATimedQuestion } from "../support/answer-world";

/**
 * The answer is read, decided in the app, then written only if the assessment has not moved since the read (ADR 0013,
 * amendment « 07/12 (5) »: no lock held between the two calls). What must hold anyway: racing submits record one
 * answer, and a decision is never written against a state it was not made from.
 */
async function pupilIn(campaign: { id: number; code: string }) {
  const { pupil, first } = await startedPupil(campaign);
  return { pupil, claims: { userId: pupil.id, sessionId: `s-${pupil.id}`, sessionVersion: 0 }, first };
}

const answersOf = (userId: number) => db.answer.findMany({ where: { assessment: { userId } }, orderBy: { id: "asc" }, select: { challengeId: true, result: true } });

/** A write the engine could have decided for the question read: « Je passe », no knowledge element, a next question. */
function skipWrite(next: string): AnswerWrite {
  return { value: { kind: "skip" }, result: "ABAND", timeSpent: 1, knowledgeElements: [], next: { challengeId: next } };
}

describe("the answer's read and conditional write", () => {
  it("two different answers racing for the same question: one is recorded, the other is told it already was", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const outcomes = await Promise.all([
      answerAndContinue({ claims, code: campaign.code, challengeId: first, answer: null }),
      answerAndContinue({ claims, code: campaign.code, challengeId: first, answer: { kind: "fields", values: { reponse: "une autre réponse" } } }),
    ]);
    const results = outcomes.map((o) => (o.kind === "answered" ? o.result : o.kind));
    expect(results.filter((r) => r === "ALREADY_RECORDED")).toHaveLength(1);
    const recorded = await answersOf(pupil.id);
    expect(recorded).toHaveLength(1);
    // The winner's result is the one in the database, and both replies show the same next question.
    expect(results).toContain(recorded[0].result);
    const [a, b] = outcomes;
    expect(a.kind === "answered" && b.kind === "answered" && a.next?.challengeId === b.next?.challengeId).toBe(true);
    expect(await currentQuestion({ userId: pupil.id, campaignId: campaign.id })).toMatchObject({ challengeId: a.kind === "answered" ? a.next?.challengeId : "?" });
  });

  it("a state that moved between the read and the write (another tab answered) is not written: read and decided again", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const skills = (await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id);
    const seen: AnswerSnapshot[] = [];
    const outcome = await runAnswer(claims, campaign.code, skills, async (snap) => {
      seen.push(snap);
      if (seen.length === 1) {
        // Another tab answers this very question after our read, before our write.
        const other = await answerAndContinue({ claims, code: campaign.code, challengeId: first, answer: null });
        expect(other).toMatchObject({ kind: "answered", result: "ABAND" });
        return { write: skipWrite("ch-decide-sur-un-etat-perime"), decision: "stale" };
      }
      return { write: null, decision: "fresh" };
    }, new Date());
    expect(seen.map((s) => [s.assessment.currentChallengeId === first, s.assessment.answersCount, s.answers.length])).toEqual([[true, 0, 0], [false, 1, 1]]);
    expect(outcome).toMatchObject({ kind: "done", decision: "fresh", answerId: null });
    expect(await answersOf(pupil.id)).toEqual([{ challengeId: first, result: "ABAND" }]);
    const current = await currentQuestion({ userId: pupil.id, campaignId: campaign.id });
    expect(current.kind === "question" && current.challengeId).not.toBe("ch-decide-sur-un-etat-perime");
  });

  it("a timer started between the read and the write is not overwritten by a decision made before it", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims } = await pupilIn(campaign);
    const timed = await skipToATimedQuestion(pupil.id, campaign.id);
    const before = (await answersOf(pupil.id)).length;
    const skills = (await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id);
    const seen: boolean[] = [];
    await runAnswer(claims, campaign.code, skills, async (snap) => {
      seen.push(snap.assessment.isTimerStarted);
      // « Commencer » in another tab, after our read: a decision made on a timer not started is stale.
      if (seen.length === 1) await startTimer(snap.assessment.id, timed.challengeId, new Date());
      return { write: skipWrite("ch-apres-le-minuteur"), decision: seen.length };
    }, new Date());
    expect(seen).toEqual([false, true]);
    const after = await answersOf(pupil.id);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.challengeId).toBe(timed.challengeId);
  });

  it("a state that keeps moving is refused as busy after a few reads, with nothing written from a stale read", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const skills = (await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id);
    let reads = 0;
    const refused = await runAnswer(claims, campaign.code, skills, async (snap) => {
      reads++;
      const q = snap.assessment.currentChallengeId!;
      // Every read is overtaken by another tab's answer to the question it read.
      await answerAndContinue({ claims, code: campaign.code, challengeId: q, answer: null });
      return { write: skipWrite("ch-jamais-ecrite"), decision: null };
    }, new Date()).then(() => null, (error: unknown) => error);
    // Refused as when the server is past its capacity: the use case answers « Trop de monde », the page sends it again.
    expect(isDatabaseBusy(refused)).toBe(true);
    expect(reads).toBe(3);
    const recorded = await answersOf(pupil.id);
    expect(recorded).toHaveLength(3);
    expect(recorded[0].challengeId).toBe(first);
    expect(recorded.every((r) => r.result === "ABAND")).toBe(true);
    const current = await currentQuestion({ userId: pupil.id, campaignId: campaign.id });
    expect(current.kind === "question" && current.challengeId).not.toBe("ch-jamais-ecrite");
  });

  it("a session revoked between the read and the write: nothing written, signed out", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims, first } = await pupilIn(campaign);
    const skills = (await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id);
    const outcome = await runAnswer(claims, campaign.code, skills, async () => {
      // « Se déconnecter » in another tab, after our read (the write checks the session itself: ADR 0013 « 07/12 (8) »).
      await db.revokedSession.create({ data: { sessionId: claims.sessionId, expiresAt: new Date(Date.now() + 3600_000) } });
      return { write: skipWrite("ch-apres-la-deconnexion"), decision: null };
    }, new Date());
    expect(outcome).toEqual({ kind: "session-invalid" });
    expect(await answersOf(pupil.id)).toEqual([]);
    expect(await currentQuestion({ userId: pupil.id, campaignId: campaign.id })).toMatchObject({ challengeId: first });
  });

  it("a campaign archived between the read and the write: nothing written, the read says archived", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, claims } = await pupilIn(campaign);
    const skills = (await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id);
    const seen: boolean[] = [];
    const outcome = await runAnswer(claims, campaign.code, skills, async (snap) => {
      seen.push(snap.assessment.campaignArchived);
      if (seen.length === 1) await db.campaign.update({ where: { id: campaign.id }, data: { archivedAt: new Date() } });
      return { write: snap.assessment.campaignArchived ? null : skipWrite("ch-apres-l-archivage"), decision: snap.assessment.campaignArchived };
    }, new Date());
    expect(seen).toEqual([false, true]);
    expect(outcome).toMatchObject({ kind: "done", decision: true, answerId: null });
    expect(await answersOf(pupil.id)).toEqual([]);
  });
});
