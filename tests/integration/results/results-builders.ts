import { challengeSource } from "@/lib/db/repositories/assessment-repository";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { expectedAnswer } from "@/lib/domain/learning-content/check-answer";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { answerChallenge, currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

/** A school that does not import its pupils, its ADMIN, and a campaign on parcours 4.1 allowing several sendings. */
export async function campaignWithTeacher(name = "Résultats") {
  const school = await createEstablishment({ isManagingStudents: false });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "ADMIN");
  const campaign = campaignCreationSchema.parse({ name, type: "ASSESSMENT", targetProfileId: "tp-competence-4-1", askExternalId: "no", ownerId: String(teacher.id), multipleSendings: "yes" });
  const { id, code } = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign });
  return { teacher, campaignId: id, code };
}

/** A pupil who masters the skills up to `level` and misses the others, to the end of the test (results to send). */
export async function takeTest(campaignId: number, code: string, userId: number, level: number) {
  await startParticipation({ userId, code, externalId: null }).catch(() => undefined);
  for (let i = 0; i < 80; i++) {
    const q = await currentQuestion({ userId, campaignId });
    if (q.kind === "completed") break;
    const source = (await challengeSource(q.challengeId))!;
    await answerChallenge({ userId, campaignId, challengeId: q.challengeId, answer: source.level <= level ? expectedAnswer(source.content) : null });
  }
}
