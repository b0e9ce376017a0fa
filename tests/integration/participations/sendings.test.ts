import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { answerChallenge, currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { shareResults } from "@/lib/use-cases/participations/participation-results";
import { pixProfileView } from "@/lib/use-cases/participations/pix-profile-view";
import { retryParticipation } from "@/lib/use-cases/participations/retry-participation";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

async function campaign(input: Record<string, string>) {
  const school = await createEstablishment({ isManagingStudents: false });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "ADMIN");
  const parsed = campaignCreationSchema.parse({ name: "C", askExternalId: "no", ownerId: String(teacher.id), ...input });
  return createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign: parsed });
}

async function skipToTheEnd(userId: number, campaignId: number) {
  for (let i = 0; i < 80; i++) {
    const q = await currentQuestion({ userId, campaignId });
    if (q.kind === "completed") return;
    await answerChallenge({ userId, campaignId, challengeId: q.challengeId, answer: null });
  }
}

describe("sending results", () => {
  it("multiple sendings: after sharing, a retry supersedes the participation, keeps the external id and asks failures again", async () => {
    const { id: campaignId, code } = await campaign({ type: "ASSESSMENT", targetProfileId: "tp-competence-4-1", multipleSendings: "yes", askExternalId: "yes", externalIdLabel: "Numéro" });
    const pupil = await createUser();
    await startParticipation({ userId: pupil.id, code, externalId: "A-12" });
    await skipToTheEnd(pupil.id, campaignId);
    await expect(retryParticipation({ userId: pupil.id, campaignId })).rejects.toMatchObject({ code: "NOT_SHARED" });
    await shareResults({ userId: pupil.id, campaignId });
    await retryParticipation({ userId: pupil.id, campaignId });
    await retryParticipation({ userId: pupil.id, campaignId }); // a double click changes nothing more
    const participations = await db.participation.findMany({ where: { campaignId }, orderBy: { id: "asc" } });
    expect(participations.map((p) => [p.status, p.isImproved, p.participantExternalId])).toEqual([
      ["SHARED", true, "A-12"],
      ["STARTED", false, "A-12"],
    ]);
    expect((await currentQuestion({ userId: pupil.id, campaignId })).kind).toBe("question");
  });

  it("without multiple sendings, no retry", async () => {
    const { id: campaignId, code } = await campaign({ type: "ASSESSMENT", targetProfileId: "tp-competence-4-1" });
    const pupil = await createUser();
    await startParticipation({ userId: pupil.id, code, externalId: null });
    await skipToTheEnd(pupil.id, campaignId);
    await shareResults({ userId: pupil.id, campaignId });
    await expect(retryParticipation({ userId: pupil.id, campaignId })).rejects.toMatchObject({ code: "NO_RETRY" });
  });

  it("a profiles collection shares the whole pix profile, frozen", async () => {
    const assess = await campaign({ type: "ASSESSMENT", targetProfileId: "tp-competence-4-1" });
    const collect = await campaign({ type: "PROFILES_COLLECTION" });
    const pupil = await createUser();
    await startParticipation({ userId: pupil.id, code: assess.code, externalId: null });
    for (let i = 0; i < 80; i++) {
      const q = await currentQuestion({ userId: pupil.id, campaignId: assess.id });
      if (q.kind === "completed") break;
      const { challengeSource } = await import("@/lib/db/repositories/assessment-repository");
      const { expectedAnswer } = await import("@/lib/domain/learning-content/check-answer");
      const source = await challengeSource(q.challengeId);
      await answerChallenge({ userId: pupil.id, campaignId: assess.id, challengeId: q.challengeId, answer: expectedAnswer(source!.content) });
    }
    const profile = await pixProfileView(pupil.id);
    expect(profile.totalPix).toBeGreaterThan(0);
    await startParticipation({ userId: pupil.id, code: collect.code, externalId: null });
    const participation = await db.participation.findFirstOrThrow({ where: { campaignId: collect.id } });
    expect(participation.status).toBe("TO_SHARE");
    await shareResults({ userId: pupil.id, campaignId: collect.id, isProfilesCollection: true });
    const shared = await db.participation.findFirstOrThrow({ where: { campaignId: collect.id }, include: { snapshot: true } });
    expect(shared.status).toBe("SHARED");
    expect(shared.pixScore).toBe(profile.totalPix);
    expect(Array.isArray(shared.snapshot?.knowledgeElements)).toBe(true);
  });
});
