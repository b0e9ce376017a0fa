import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { unsafeCampaignTargetSkills, unsafeCompletedTestResponses } from "@/lib/db/queries/item-responses";
import { calibrateParameters } from "@/lib/domain/assessment/calibration/calibrate-parameters";
import { itemFit } from "@/lib/domain/assessment/calibration/item-fit";
import { ENGINE_PARAMETERS } from "@/lib/domain/assessment/engine-parameters";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { campaignWithTeacher, takeTest } from "../results/results-builders";
import { createUser } from "../../support/factories";

describe("the answers calibration reads", () => {
  it("are every completed test's answers, with their skill, in order, read in pages; unfinished tests are left out", { timeout: 120_000 }, async () => {
    const { campaignId, code } = await campaignWithTeacher("Calibration");
    for (const level of [1, 3, 5]) await takeTest(campaignId, code, (await createUser()).id, level);
    const unfinished = await createUser();
    await startParticipation({ userId: unfinished.id, code, externalId: null });
    await currentQuestion({ userId: unfinished.id, campaignId });

    const tests = [];
    for await (const batch of unsafeCompletedTestResponses(2)) tests.push(...batch);
    expect(tests).toHaveLength(3);
    for (const test of tests) {
      const stored = await db.answer.findMany({ where: { assessmentId: test.assessmentId }, orderBy: { id: "asc" }, select: { challengeId: true, result: true } });
      expect(test.answers.map((a) => [a.challengeId, a.result])).toEqual(stored.map((a) => [a.challengeId, a.result]));
      expect(test.campaignId).toBe(campaignId);
    }
    const skills = (await unsafeCampaignTargetSkills([campaignId])).get(campaignId)!;
    expect(skills).toHaveLength(await db.campaignSkill.count({ where: { campaignId } }));
    for (const answer of tests.flatMap((t) => t.answers)) expect(skills.some((s) => s.id === answer.skillId)).toBe(true);

    // The calibration runs on them (too few to be worth writing, but the whole path is exercised).
    const pupils = tests.map((t) => ({ targetSkills: skills, answers: t.answers.map((a) => ({ challengeId: a.challengeId, skillId: a.skillId, isSuccess: a.result === "OK" })) }));
    const result = calibrateParameters({ pupils, initial: ENGINE_PARAMETERS, maxIterations: 3 });
    expect(result.answers).toBe(tests.reduce((total, t) => total + t.answers.length, 0));
    expect(itemFit({ pupils, parameters: ENGINE_PARAMETERS }).every((fit) => fit.flag === null)).toBe(true);
  });
});
