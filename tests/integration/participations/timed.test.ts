import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { challengeSource } from "@/lib/db/repositories/assessment-repository";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { expectedAnswer } from "@/lib/domain/learning-content/check-answer";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { answerChallenge, currentQuestion, startTimedChallenge } from "@/lib/use-cases/participations/answer-challenge";
import { checkpointView } from "@/lib/use-cases/participations/checkpoint-view";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

describe("timed questions", () => {
  it("a right answer after the timer (measured by the server from « Commencer ») is TIMEDOUT; in time it is OK", async () => {
    const school = await createEstablishment({ isManagingStudents: false });
    const teacher = await createUser();
    await addMember(school.id, teacher.id, "ADMIN");
    const campaign = campaignCreationSchema.parse({ name: "Chrono", type: "ASSESSMENT", targetProfileId: "tp-competence-4-1", askExternalId: "no", ownerId: String(teacher.id) });
    const { id: campaignId, code } = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign });
    const outcomes: string[] = [];
    for (const late of [true, false]) {
      const pupil = await createUser();
      await startParticipation({ userId: pupil.id, code, externalId: null });
      for (let i = 0; i < 60; i++) {
        const q = await currentQuestion({ userId: pupil.id, campaignId });
        if (q.kind === "completed") break;
        const source = (await challengeSource(q.challengeId))!;
        if (!source.content.timer) {
          // Skipping keeps the easy (level 1) phishing skills informative: they are all timed.
          await answerChallenge({ userId: pupil.id, campaignId, challengeId: q.challengeId, answer: null });
          continue;
        }
        const started = new Date();
        await startTimedChallenge({ userId: pupil.id, campaignId, challengeId: q.challengeId, now: started });
        const answeredAt = new Date(started.getTime() + (late ? source.content.timer + 10 : 2) * 1000);
        const result = await answerChallenge({ userId: pupil.id, campaignId, challengeId: q.challengeId, answer: expectedAnswer(source.content), now: answeredAt });
        outcomes.push(String(result.result));
        break;
      }
    }
    expect(outcomes).toEqual(["TIMEDOUT", "OK"]);
    expect(await db.answer.count({ where: { result: "TIMEDOUT" } })).toBe(1);
  });

  it("the page's own submit at zero, with nothing ticked, shows « Temps dépassé » at the checkpoint", async () => {
    const school = await createEstablishment({ isManagingStudents: false });
    const teacher = await createUser();
    await addMember(school.id, teacher.id, "ADMIN");
    const campaign = campaignCreationSchema.parse({ name: "Chrono vide", type: "ASSESSMENT", targetProfileId: "tp-competence-4-1", askExternalId: "no", ownerId: String(teacher.id) });
    const { id: campaignId, code } = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign });
    const pupil = await createUser();
    await startParticipation({ userId: pupil.id, code, externalId: null });
    for (let i = 0; i < 60; i++) {
      const q = await currentQuestion({ userId: pupil.id, campaignId });
      if (q.kind === "completed") break;
      const source = (await challengeSource(q.challengeId))!;
      if (!source.content.timer) {
        await answerChallenge({ userId: pupil.id, campaignId, challengeId: q.challengeId, answer: null });
        continue;
      }
      const started = new Date();
      await startTimedChallenge({ userId: pupil.id, campaignId, challengeId: q.challengeId, now: started });
      const atZero = new Date(started.getTime() + source.content.timer * 1000);
      const result = await answerChallenge({ userId: pupil.id, campaignId, challengeId: q.challengeId, answer: null, isTimeUp: true, now: atZero });
      expect(result.result).toBe("TIMEDOUT");
      const view = await checkpointView({ userId: pupil.id, campaignId });
      expect(view.items.at(-1)?.resultLabel).toBe("Temps dépassé");
      return;
    }
    throw new Error("no timed question reached");
  });
});
