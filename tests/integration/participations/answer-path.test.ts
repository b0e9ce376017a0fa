import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { roundTrips } from "@/lib/db/prisma-factory";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { answerChallenge, currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { participationResults, shareResults } from "@/lib/use-cases/participations/participation-results";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

async function openCampaign(targetProfileId = "tp-competence-4-1") {
  const school = await createEstablishment({ isManagingStudents: false });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "ADMIN");
  const campaign = campaignCreationSchema.parse({ name: "Test", type: "ASSESSMENT", targetProfileId, askExternalId: "no", ownerId: String(teacher.id) });
  const { id, code } = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign });
  return { campaignId: id, code };
}

async function firstQuestion(userId: number, campaignId: number) {
  const q = await currentQuestion({ userId, campaignId });
  if (q.kind !== "question") throw new Error("expected a question");
  return q.challengeId;
}

describe("answer path", () => {
  it("records a double submit once and refuses an answer to a question that is not the current one", async () => {
    const { campaignId, code } = await openCampaign();
    const pupil = await createUser();
    await startParticipation({ userId: pupil.id, code, externalId: null });
    const first = await firstQuestion(pupil.id, campaignId);
    const [a, b] = await Promise.all([
      answerChallenge({ userId: pupil.id, campaignId, challengeId: first, answer: null }),
      answerChallenge({ userId: pupil.id, campaignId, challengeId: first, answer: null }),
    ]);
    expect([a.result, b.result].sort()).toEqual(["ABAND", "ALREADY_RECORDED"]);
    expect(await db.answer.count()).toBe(1);
    await expect(answerChallenge({ userId: pupil.id, campaignId, challengeId: "ch-n-existe-pas", answer: null })).rejects.toMatchObject({ code: "NOT_CURRENT" });
    expect(await db.answer.count()).toBe(1);
  });

  it("a pupil cannot answer, read or share in place of another pupil", async () => {
    const { campaignId, code } = await openCampaign();
    const alice = await createUser();
    const bob = await createUser();
    await startParticipation({ userId: alice.id, code, externalId: null });
    const aliceQuestion = await firstQuestion(alice.id, campaignId);
    await expect(answerChallenge({ userId: bob.id, campaignId, challengeId: aliceQuestion, answer: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(participationResults({ userId: bob.id, campaignId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(shareResults({ userId: bob.id, campaignId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.answer.count()).toBe(0);
  });

  it("goes to the end, shares once, and keeps the answer path to a few round trips", async () => {
    const { campaignId, code } = await openCampaign();
    const pupil = await createUser();
    await startParticipation({ userId: pupil.id, code, externalId: null });
    let answered = 0;
    let maxTrips = 0;
    for (let i = 0; i < 60; i++) {
      const q = await currentQuestion({ userId: pupil.id, campaignId });
      if (q.kind === "completed") break;
      const before = roundTrips.count;
      await answerChallenge({ userId: pupil.id, campaignId, challengeId: q.challengeId, answer: i % 2 ? null : { kind: "choices", selected: [1] } });
      maxTrips = Math.max(maxTrips, roundTrips.count - before);
      answered++;
    }
    console.log(`Réponses : ${answered}, allers-retours PostgreSQL par réponse (max) : ${maxTrips}`);
    expect(answered).toBeGreaterThan(3);
    // 15 since « Suivi en direct » (issue 17): the answer's transaction also sends its NOTIFY (one statement, no transaction).
    expect(maxTrips).toBeLessThanOrEqual(15);
    const participation = await db.participation.findFirstOrThrow({ where: { campaignId } });
    expect(participation.status).toBe("TO_SHARE");
    const [first, second] = await Promise.all([shareResults({ userId: pupil.id, campaignId }), shareResults({ userId: pupil.id, campaignId })]);
    expect(first.getTime()).toBe(second.getTime());
    const shared = await db.participation.findFirstOrThrow({ where: { campaignId }, include: { tubeResults: true, snapshot: true } });
    expect(shared.status).toBe("SHARED");
    expect(shared.tubeResults.length).toBe(6);
    expect(shared.snapshot).not.toBeNull();
    // Later activity never changes what was shared.
    await db.knowledgeElement.updateMany({ where: { userId: pupil.id }, data: { status: "VALIDATED" } });
    const again = await db.participation.findFirstOrThrow({ where: { campaignId }, include: { tubeResults: true } });
    expect(again.masteryRate).toBe(shared.masteryRate);
    expect(again.tubeResults).toEqual(shared.tubeResults);
  });

  it("knowledge shown in an earlier campaign is reused, never asked again", async () => {
    const first = await openCampaign("tp-competence-4-1");
    const pupil = await createUser();
    await startParticipation({ userId: pupil.id, code: first.code, externalId: null });
    for (let i = 0; i < 60; i++) {
      const q = await currentQuestion({ userId: pupil.id, campaignId: first.campaignId });
      if (q.kind === "completed") break;
      await answerChallenge({ userId: pupil.id, campaignId: first.campaignId, challengeId: q.challengeId, answer: null });
    }
    const second = await openCampaign("tp-competence-4-1");
    await startParticipation({ userId: pupil.id, code: second.code, externalId: null });
    const q = await currentQuestion({ userId: pupil.id, campaignId: second.campaignId });
    expect(q.kind).toBe("completed");
  });
});
