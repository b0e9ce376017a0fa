import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { campaignChallengeResults } from "@/lib/db/queries/item-responses";
import { LIMITS } from "@/lib/domain/limits/limits";
import { DomainError } from "@/lib/domain/shared/errors";
import { reportProblem } from "@/lib/use-cases/content-quality/report-problem";
import { answerChallenge, currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { shareResults } from "@/lib/use-cases/participations/participation-results";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { campaignWithTeacher, takeTest } from "../results/results-builders";
import { createUser } from "../../support/factories";

/** A pupil in the middle of the test: one question answered (« Je passe »), the next one shown. */
async function pupilMidTest(campaignId: number, code: string) {
  const pupil = await createUser();
  await startParticipation({ userId: pupil.id, code, externalId: null });
  const first = await currentQuestion({ userId: pupil.id, campaignId });
  if (first.kind !== "question") throw new Error("no question");
  await answerChallenge({ userId: pupil.id, campaignId, challengeId: first.challengeId, answer: null });
  const current = await currentQuestion({ userId: pupil.id, campaignId });
  if (current.kind !== "question") throw new Error("no second question");
  return { pupil, assessmentId: Number(current.optionSeed), answered: first.challengeId, current };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof DomainError ? error.code : String(error)));

describe("« Signaler un problème »", () => {
  it("stores a report on the current question and on an answered one, and leaves the current question where it was", async () => {
    const { campaignId, code } = await campaignWithTeacher();
    const { pupil, assessmentId, answered, current } = await pupilMidTest(campaignId, code);
    const fields = { assessmentId: String(assessmentId), challengeId: current.challengeId, category: "REPONSE", comment: "  La réponse B est juste aussi.\r\nVoir la consigne.  " };
    await expect(reportProblem({ userId: pupil.id, fields })).resolves.toEqual({ campaignCode: code });
    await reportProblem({ userId: pupil.id, fields: { assessmentId: String(assessmentId), challengeId: answered, category: "MEDIA", comment: "" } });
    const reports = await db.problemReport.findMany({ orderBy: { id: "asc" } });
    expect(reports.map((r) => [r.assessmentId, r.challengeId, r.category, r.comment])).toEqual([
      [assessmentId, current.challengeId, "REPONSE", "La réponse B est juste aussi.\nVoir la consigne."],
      [assessmentId, answered, "MEDIA", null],
    ]);
    const after = await currentQuestion({ userId: pupil.id, campaignId });
    expect(after).toMatchObject({ kind: "question", challengeId: current.challengeId, answersCount: current.answersCount });
  });

  it("refuses another pupil's assessment, a question that was not asked, an unknown category and a comment over 500 characters, storing nothing", async () => {
    const { campaignId, code } = await campaignWithTeacher();
    const victim = await pupilMidTest(campaignId, code);
    const attacker = await pupilMidTest(campaignId, code);
    const notAsked = await db.challenge.findFirstOrThrow({ where: { id: { notIn: [victim.answered, victim.current.challengeId] } }, select: { id: true } });
    const base = { assessmentId: String(victim.assessmentId), challengeId: victim.current.challengeId, category: "CONSIGNE", comment: "" };
    expect(await refusal(reportProblem({ userId: attacker.pupil.id, fields: base }))).toBe("NOT_FOUND");
    expect(await refusal(reportProblem({ userId: victim.pupil.id, fields: { ...base, challengeId: notAsked.id } }))).toBe("NOT_ASKED");
    expect(await refusal(reportProblem({ userId: victim.pupil.id, fields: { ...base, category: "SPAM" } }))).toBe("CATEGORY");
    expect(await refusal(reportProblem({ userId: victim.pupil.id, fields: { ...base, comment: "é".repeat(501) } }))).toBe("COMMENT_TOO_LONG");
    expect(await refusal(reportProblem({ userId: victim.pupil.id, fields: { ...base, assessmentId: "1 OR 1=1" } }))).toBe("NOT_ASKED");
    expect(await db.problemReport.count()).toBe(0);
    // 500 characters are fine.
    await reportProblem({ userId: victim.pupil.id, fields: { ...base, comment: "é".repeat(500) } });
    expect(await db.problemReport.count()).toBe(1);
  });

  it("stops an account past its hourly budget, without storing the refused report", async () => {
    const { campaignId, code } = await campaignWithTeacher();
    const { pupil, assessmentId, current } = await pupilMidTest(campaignId, code);
    const fields = { assessmentId: String(assessmentId), challengeId: current.challengeId, category: "AUTRE", comment: "" };
    for (let i = 0; i < LIMITS.problemReports.points; i++) await reportProblem({ userId: pupil.id, fields });
    expect(await refusal(reportProblem({ userId: pupil.id, fields }))).toBe("RATE_LIMITED");
    expect(await db.problemReport.count()).toBe(LIMITS.problemReports.points);
  });
});

describe("a pupil's reports and their personal data", () => {
  it("are in « Télécharger mes données », and their comments go when the account is deleted (the categories stay)", async () => {
    const { campaignId, code } = await campaignWithTeacher();
    const { pupil, assessmentId, current } = await pupilMidTest(campaignId, code);
    await reportProblem({ userId: pupil.id, fields: { assessmentId: String(assessmentId), challengeId: current.challengeId, category: "AUTRE", comment: "Je suis Léa de 4e B" } });
    const { exportMyData } = await import("@/lib/use-cases/privacy/export-my-data");
    const file = await exportMyData({ userId: pupil.id, address: "127.0.0.1" });
    expect(JSON.stringify(file)).toContain("Je suis Léa de 4e B");
    const { deleteMyAccount } = await import("@/lib/use-cases/privacy/delete-my-account");
    await deleteMyAccount({ userId: pupil.id, password: "Pix12345", address: "127.0.0.1" });
    expect(await db.problemReport.findMany({ select: { category: true, comment: true } })).toEqual([{ category: "AUTRE", comment: null }]);
  });
});

describe("the « Questions » view's counts", () => {
  it("count each question met by the sent results only (latest sending of each pupil), with its successes", { timeout: 120_000 }, async () => {
    const { campaignId, code } = await campaignWithTeacher();
    const sent = [await createUser(), await createUser()];
    await takeTest(campaignId, code, sent[0].id, 2);
    await takeTest(campaignId, code, sent[1].id, 5);
    for (const pupil of sent) await shareResults({ userId: pupil.id, campaignId });
    const notSent = await createUser();
    await takeTest(campaignId, code, notSent.id, 8);

    const counts = await campaignChallengeResults(campaignId);
    const expected = await db.$queryRawUnsafe<{ challenge_id: string; result: string }[]>(
      `SELECT an.challenge_id, an.result::text AS result FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.user_id = ANY($1::int[])`,
      sent.map((p) => p.id),
    );
    const byChallenge = new Map<string, { met: number; successes: number }>();
    for (const row of expected) {
      const entry = byChallenge.get(row.challenge_id) ?? { met: 0, successes: 0 };
      entry.met++;
      if (row.result === "OK") entry.successes++;
      byChallenge.set(row.challenge_id, entry);
    }
    expect(new Map(counts.map((c) => [c.challengeId, { met: c.met, successes: c.successes }]))).toEqual(byChallenge);
    expect(counts.some((c) => c.successes > 0) && counts.some((c) => c.successes < c.met)).toBe(true);

    // The teacher deletes the first pupil's participation: their answers leave the counts.
    const { softDeleteParticipation } = await import("@/lib/db/queries/campaign-results");
    const deleted = await db.participation.findFirstOrThrow({ where: { campaignId, userId: sent[0].id }, select: { id: true } });
    await softDeleteParticipation(deleted.id, { userId: (await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).ownerId, clientAddress: "127.0.0.1" }, new Date());
    const remaining = await db.$queryRawUnsafe<{ challenge_id: string; met: bigint }[]>(
      `SELECT an.challenge_id, count(*) AS met FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.user_id = $1 GROUP BY an.challenge_id`,
      sent[1].id,
    );
    const after = await campaignChallengeResults(campaignId);
    expect(new Map(after.map((c) => [c.challengeId, c.met]))).toEqual(new Map(remaining.map((r) => [r.challenge_id, Number(r.met)])));
  });
});
