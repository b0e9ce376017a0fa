import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expectedAnswer } from "@/lib/domain/learning-content/check-answer";
import { startTimer } from "@/lib/db/repositories/assessment-repository";
import { answerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { unsafeProblemReports } from "@/lib/db/queries/item-responses";
import { openCampaign, pupilIn, skipToATimedQuestion } from "../support/answer-world";

/**
 * The answer path's calls outside Prisma store and read the same instants as Prisma, whatever the process's time zone
 * (a server in France often runs with TZ=Europe/Paris): node-pg sends a Date as local time with its offset, which a
 * cast to `timestamp` (without time zone) drops, and reads such a column as local time, where Prisma writes and reads
 * UTC. Node takes a TZ assigned at run time into account.
 */
const previousTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "Europe/Paris";
});
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

const claimsOf = (userId: number) => ({ userId, sessionId: `s-${userId}`, sessionVersion: 0 });

describe("the answer path's timestamps on a server in Paris time", () => {
  it("records the answer, its knowledge elements and the next question's time at the instant it happened (UTC, as Prisma)", async () => {
    expect(new Date("2026-12-07T07:00:00.000Z").getTimezoneOffset()).toBe(-60);
    const campaign = await openCampaign({ warm: true });
    const { pupil, first } = await pupilIn(campaign);
    const now = new Date(Date.now() - 60_000);
    const outcome = await answerAndContinue({ claims: claimsOf(pupil.id), code: campaign.code, challengeId: first, answer: null, now });
    expect(outcome.kind).toBe("answered");
    const answer = await db.answer.findFirstOrThrow({ where: { assessment: { userId: pupil.id } }, select: { createdAt: true, assessment: { select: { currentAskedAt: true, updatedAt: true } } } });
    expect(answer.createdAt.toISOString()).toBe(now.toISOString());
    expect(answer.assessment.currentAskedAt?.toISOString()).toBe(now.toISOString());
    expect(answer.assessment.updatedAt.toISOString()).toBe(now.toISOString());
    const elements = await db.knowledgeElement.findMany({ where: { userId: pupil.id }, select: { createdAt: true } });
    expect(elements.map((k) => k.createdAt.toISOString())).toEqual(elements.map(() => now.toISOString()));
  });

  it("a timed question started with « Commencer » (written by Prisma) and answered right away is in time", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil } = await pupilIn(campaign);
    const { challengeId, source } = await skipToATimedQuestion(pupil.id, campaign.id);
    const assessment = await db.assessment.findFirstOrThrow({ where: { userId: pupil.id }, select: { id: true } });
    const startedAt = new Date();
    await startTimer(assessment.id, challengeId, startedAt);
    const outcome = await answerAndContinue({ claims: claimsOf(pupil.id), code: campaign.code, challengeId, answer: expectedAnswer(source.content), now: new Date(startedAt.getTime() + 2_000) });
    expect(outcome).toMatchObject({ kind: "answered", result: "OK" });
    expect(await db.answer.findFirstOrThrow({ where: { challengeId, assessmentId: assessment.id }, select: { timeSpent: true } })).toEqual({ timeSpent: 2 });
  });

  it("the content authors' report reads a problem report's date as Prisma wrote it", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, first } = await pupilIn(campaign);
    const assessment = await db.assessment.findFirstOrThrow({ where: { userId: pupil.id }, select: { id: true } });
    const createdAt = new Date("2026-12-07T06:30:00.000Z");
    await db.problemReport.create({ data: { assessmentId: assessment.id, challengeId: first, category: "CONSIGNE", comment: "fuseau", createdAt } });
    const report = (await unsafeProblemReports()).find((r) => r.comment === "fuseau");
    expect(report?.createdAt.toISOString()).toBe(createdAt.toISOString());
  });
});
