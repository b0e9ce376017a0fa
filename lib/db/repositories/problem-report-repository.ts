import { db } from "../client";
import type { ProblemReportInput } from "../../domain/content-quality/problem-report";

/**
 * Where a pupil's report may go: their own assessment (the user id is part of the look-up, so another pupil's
 * assessment reads as absent), of a participation still live, with its campaign's code (where the page goes back
 * to) and whether the challenge was really asked in it — the current question or an answered one.
 */
export async function reportTarget(userId: number, assessmentId: number, challengeId: string): Promise<{ campaignCode: string; isAsked: boolean } | null> {
  const assessment = await db.assessment.findFirst({
    where: { id: assessmentId, userId, participation: { deletedAt: null } },
    select: { currentChallengeId: true, participation: { select: { campaign: { select: { code: true } } } }, answers: { where: { challengeId }, select: { id: true } } },
  });
  if (!assessment?.participation) return null;
  return { campaignCode: assessment.participation.campaign.code, isAsked: assessment.currentChallengeId === challengeId || assessment.answers.length > 0 };
}

export async function insertProblemReport(report: ProblemReportInput, now: Date): Promise<void> {
  await db.problemReport.create({ data: { assessmentId: report.assessmentId, challengeId: report.challengeId, category: report.category, comment: report.comment, createdAt: now } });
}
