import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { challengeSource } from "@/lib/db/repositories/assessment-repository";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { displayOrder } from "@/lib/domain/learning-content/option-order";
import type { ChallengeSource } from "@/lib/domain/learning-content/schema";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { answerChallenge, currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { checkpointView } from "@/lib/use-cases/participations/checkpoint-view";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

async function openCampaign(targetProfileId: string) {
  const school = await createEstablishment({ isManagingStudents: false });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "ADMIN");
  const campaign = campaignCreationSchema.parse({ name: "Ordre", type: "ASSESSMENT", targetProfileId, askExternalId: "no", ownerId: String(teacher.id) });
  return createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign });
}

type Choice = Extract<ChallengeSource, { type: "QCU" | "QCM" }>;

/** Skips text questions until a choice question with at least three proposals is current. */
async function nextChoiceQuestion(userId: number, campaignId: number): Promise<{ content: Choice; seed: string }> {
  for (let i = 0; i < 40; i++) {
    const q = await currentQuestion({ userId, campaignId });
    if (q.kind !== "question") break;
    const { content } = (await challengeSource(q.challengeId))!;
    if ((content.type === "QCU" || content.type === "QCM") && content.proposals.length >= 3 && !content.timer) return { content, seed: q.optionSeed };
    await answerChallenge({ userId, campaignId, challengeId: q.challengeId, answer: null });
  }
  throw new Error("no choice question reached");
}

const rightProposals = (c: Choice) => (c.type === "QCU" ? [c.solution] : c.solution);

describe("proposals shown in a seeded order", () => {
  it("positions posted for the displayed order are recorded with canonical numbers, checked right, and corrected in the pupil's order", async () => {
    const { id: campaignId, code } = await openCampaign("tp-competence-3-1");
    const pupil = await createUser();
    await startParticipation({ userId: pupil.id, code, externalId: null });
    const { content, seed } = await nextChoiceQuestion(pupil.id, campaignId);
    const order = displayOrder(seed, content)!;
    expect(order).toEqual(displayOrder(seed, content));
    const positions = rightProposals(content).map((n) => order.indexOf(n) + 1);
    const outcome = await answerChallenge({ userId: pupil.id, campaignId, challengeId: content.id, answer: { kind: "displayed-choices", positions } });
    expect(outcome.result).toBe("OK");
    const stored = await db.answer.findFirstOrThrow({ where: { challengeId: content.id }, select: { value: true, result: true } });
    expect(stored).toEqual({ value: { kind: "choices", selected: rightProposals(content) }, result: "OK" });
    const view = await checkpointView({ userId: pupil.id, campaignId });
    const shownRight = order.filter((n) => rightProposals(content).includes(n)).map((n) => content.proposals[n - 1]).join(" ; ");
    expect(view.items.find((item) => item.instruction === content.instruction)?.solution).toBe(shownRight);
  });

  it("the canonical number of the key, posted as a position, is not taken for the key", async () => {
    const { id: campaignId, code } = await openCampaign("tp-competence-3-1");
    // Pupils until one whose order moves the key (a forged form sending canonical numbers must not pass).
    for (let attempt = 0; attempt < 12; attempt++) {
      const pupil = await createUser();
      await startParticipation({ userId: pupil.id, code, externalId: null });
      const { content, seed } = await nextChoiceQuestion(pupil.id, campaignId);
      const order = displayOrder(seed, content)!;
      const keys = rightProposals(content);
      if (keys.every((n) => order[n - 1] === n)) continue;
      const outcome = await answerChallenge({ userId: pupil.id, campaignId, challengeId: content.id, answer: { kind: "displayed-choices", positions: keys } });
      expect(outcome.result).toBe("KO");
      return;
    }
    throw new Error("every order kept the key in place: the shuffle does not work");
  });

  it("a position that is not on the page is refused and records nothing", async () => {
    const { id: campaignId, code } = await openCampaign("tp-competence-3-1");
    const pupil = await createUser();
    await startParticipation({ userId: pupil.id, code, externalId: null });
    const { content } = await nextChoiceQuestion(pupil.id, campaignId);
    const before = await db.answer.count();
    await expect(answerChallenge({ userId: pupil.id, campaignId, challengeId: content.id, answer: { kind: "displayed-choices", positions: [content.proposals.length + 1] } })).rejects.toMatchObject({ code: "INVALID_ANSWER" });
    expect(await db.answer.count()).toBe(before);
  });
});
