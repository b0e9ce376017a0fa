import { describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db/client";
import { completeAssessment, engineContentOfCampaign, findAssessmentOfPupil, knowledgeCountOf } from "@/lib/db/repositories/assessment-repository";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { openCampaign } from "../support/answer-world";
import { pupilIn } from "../support/answer-states-world";
import { settledOrWaiting, submitUncommitted } from "../support/user-lock-world";

/**
 * A test that ends with nothing to ask writes MODEL knowledge elements (completeAssessment, from the question page), a
 * decision made from the user's elements like an answer's. review15d: it was the one writer of knowledge left outside
 * the user's answer lock (ADR 0013 « 07/12 (13) », « Not covered »): a pupil's answer in campaign A, not yet committed,
 * and the end of campaign B at the same instant each decided without the other's elements. completeAssessment now
 * takes the same lock and checks the user's count of elements as pix_answer_submit does.
 */

describe("the end of a test with nothing to ask, beside an answer of the same pupil elsewhere (issue 15, review15d)", () => {
  it("waits for the answer's transaction and writes nothing when the pupil's knowledge moved meanwhile", async () => {
    const a = await openCampaign({ warm: true, name: "A" });
    const b = await openCampaign({ warm: true, name: "B" });
    const inA = await pupilIn(a);
    const userId = inA.pupil.id;
    await startParticipation({ userId, code: b.code, externalId: null });
    const assessmentB = (await findAssessmentOfPupil(b.id, userId))!;
    const skillsOfA = (await engineContentOfCampaign(a.id)).skills;
    // The count the end of campaign B was decided from, read while campaign A's answer is written and not committed.
    const tabA = await pgPool().connect();
    try {
      await tabA.query("BEGIN");
      expect(await submitUncommitted(tabA, userId, a.code, skillsOfA.map((s) => s.id), skillsOfA[0])).not.toBeNull();
      const staleCount = await knowledgeCountOf(userId);
      const completion = { modelElements: [{ skillId: skillsOfA[0].id, competenceId: skillsOfA[0].competenceId, status: "VALIDATED" as const, source: "MODEL" as const, earnedPix: 0 }], masteryMean: 0.5, masteryStandardError: 0.1 };
      const ending = completeAssessment({ assessmentId: assessmentB.id, userId, participationId: assessmentB.participationId, completion, now: new Date(), knowledgeCount: staleCount });
      const before = await settledOrWaiting(ending, "the completion");
      await tabA.query("COMMIT");
      const ended = await ending;

      expect(before).toBe("waiting");
      expect(ended).toBe(false);
    } finally {
      await tabA.query("ROLLBACK").catch(() => undefined);
      tabA.release();
    }
    // Campaign B still to be decided (from campaign A's element now), no MODEL element written from the stale read.
    expect(await db.assessment.findUniqueOrThrow({ where: { id: assessmentB.id }, select: { state: true } })).toEqual({ state: "STARTED" });
    expect(await db.knowledgeElement.count({ where: { userId, assessmentId: assessmentB.id } })).toBe(0);

    // With the count as it is now, the same end is written, once.
    const fresh = await knowledgeCountOf(userId);
    const completion = { modelElements: [], masteryMean: 0.5, masteryStandardError: 0.1 };
    expect(await completeAssessment({ assessmentId: assessmentB.id, userId, participationId: assessmentB.participationId, completion, now: new Date(), knowledgeCount: fresh })).toBe(true);
    expect(await db.assessment.findUniqueOrThrow({ where: { id: assessmentB.id }, select: { state: true } })).toEqual({ state: "COMPLETED" });
  });

  it("another pupil's end of test does not wait for this pupil's open answer", async () => {
    const campaign = await openCampaign({ warm: true });
    const first = await pupilIn(campaign);
    const other = await pupilIn(campaign);
    const skills = (await engineContentOfCampaign(campaign.id)).skills;
    const assessment = (await findAssessmentOfPupil(campaign.id, other.pupil.id))!;
    const tab = await pgPool().connect();
    try {
      await tab.query("BEGIN");
      expect(await submitUncommitted(tab, first.pupil.id, campaign.code, skills.map((s) => s.id), skills[0])).not.toBeNull();
      const completion = { modelElements: [], masteryMean: 0.5, masteryStandardError: 0.1 };
      const ending = completeAssessment({ assessmentId: assessment.id, userId: other.pupil.id, participationId: assessment.participationId, completion, now: new Date(), knowledgeCount: await knowledgeCountOf(other.pupil.id) });
      expect(await settledOrWaiting(ending, "the completion")).toBe("settled");
      expect(await ending).toBe(true);
      await tab.query("COMMIT");
    } finally {
      await tab.query("ROLLBACK").catch(() => undefined);
      tab.release();
    }
  });
});
