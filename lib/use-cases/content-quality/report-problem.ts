import "server-only";
import { consumeAttempt } from "../../db/rate-limiter";
import { insertProblemReport, reportTarget } from "../../db/repositories/problem-report-repository";
import { parseProblemReport } from "../../domain/content-quality/problem-report";
import { DomainError, NotFoundError } from "../../domain/shared/errors";

/**
 * « Signaler un problème »: stores a pupil's report on a question of their own assessment. Every attempt spends the
 * account's budget first (a forged id is no free probe); then the fields, then the assessment must be the pupil's
 * and the question one they were asked. Nothing else changes: the current question stays the current question.
 * Returns the campaign's code, for the page to go back to.
 */
export async function reportProblem(input: { userId: number; fields: Parameters<typeof parseProblemReport>[0]; now?: Date }): Promise<{ campaignCode: string }> {
  await consumeAttempt("problemReports", String(input.userId));
  const report = parseProblemReport(input.fields);
  const target = await reportTarget(input.userId, report.assessmentId, report.challengeId);
  if (!target) throw new NotFoundError();
  if (!target.isAsked) throw new DomainError("NOT_ASKED", "Cette question ne fait pas partie de votre parcours : rechargez la page.");
  await insertProblemReport(report, input.now ?? new Date());
  return { campaignCode: target.campaignCode };
}
