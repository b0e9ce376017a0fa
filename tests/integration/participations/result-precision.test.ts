import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resultsList } from "@/lib/db/queries/campaign-results";
import { unsafeCampaignTargetSkills } from "@/lib/db/queries/item-responses";
import { ENGINE_PARAMETERS } from "@/lib/domain/assessment/engine-parameters";
import { masteryPosterior } from "@/lib/domain/assessment/mastery-posterior";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { participationResults, shareResults } from "@/lib/use-cases/participations/participation-results";
import { takeTest } from "../results/results-builders";
import { addMember, createEstablishment, createUser } from "../../support/factories";

async function campaignOf(assessmentMethod: "PRECISION" | "SMART_RANDOM", targetProfileId = "tp-competence-4-1") {
  const school = await createEstablishment({ isManagingStudents: false });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "ADMIN");
  const campaign = campaignCreationSchema.parse({ name: "Précision", type: "ASSESSMENT", targetProfileId, askExternalId: "no", ownerId: String(teacher.id), assessmentMethod, precisionTarget: "8" });
  const { id, code } = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign });
  return { teacher, campaignId: id, code };
}

/** The latest element of each of the user's skills, as every screen reads them. */
async function latestElements(userId: number) {
  return db.$queryRawUnsafe<{ skill_id: string; status: string; source: string }[]>(
    `SELECT DISTINCT ON (skill_id) skill_id, status::text, source::text FROM knowledge_elements WHERE user_id = $1 ORDER BY skill_id, created_at DESC, id DESC`,
    userId,
  );
}

// Whole tests through the real answer path, up to 50 questions each: more than the default 30 s on a shared machine.
describe("a result with its precision", { timeout: 120_000 }, () => {
  it.each(["PRECISION", "SMART_RANDOM"] as const)("with %s: kept at completion, coherent with validated / total, shown with its ± and kept at sharing", async (method) => {
    const { campaignId, code } = await campaignOf(method);
    const pupil = await createUser();
    await takeTest(campaignId, code, pupil.id, 3);

    const completed = await db.participation.findFirstOrThrow({ where: { campaignId, userId: pupil.id } });
    expect(completed.status).toBe("TO_SHARE");
    expect(completed.masteryMean).toBeGreaterThan(0);
    expect(completed.masteryStandardError).toBeGreaterThan(0);
    expect(completed.masteryStandardError).toBeLessThan(0.1);

    // Every target skill has a state, and the validated count is the posterior's median count (the pupil's
    // answers read again here: a new pupil has no earlier evidence); its mean is what is kept.
    const targetCount = await db.campaignSkill.count({ where: { campaignId } });
    const latest = await latestElements(pupil.id);
    expect(latest).toHaveLength(targetCount);
    const validated = latest.filter((k) => k.status === "VALIDATED").length;
    const answers = await db.answer.findMany({ where: { assessment: { participation: { campaignId } } }, orderBy: { id: "asc" }, select: { challengeId: true, result: true } });
    const skillOf = new Map((await db.challenge.findMany({ where: { id: { in: answers.map((a) => a.challengeId) } }, select: { id: true, skillId: true } })).map((c) => [c.id, c.skillId]));
    const targetSkills = (await unsafeCampaignTargetSkills([campaignId])).get(campaignId)!;
    const observations = answers.map((a) => ({ skillId: skillOf.get(a.challengeId)!, isSuccess: a.result === "OK" }));
    const posterior = masteryPosterior({ targetSkills, observations, parameters: ENGINE_PARAMETERS });
    expect(completed.masteryMean).toBeCloseTo(posterior.masteryMean, 12);
    expect(validated).toBe(Math.round(posterior.masteryMedian * targetCount));

    const results = await participationResults({ userId: pupil.id, campaignId });
    expect(results.estimate.validatedCount).toBe(validated);
    // 2σ in points to the half point, at least 1 (lib/domain/scoring/precision.ts).
    expect(results.precision).toBe(Math.max(1, Math.round(400 * completed.masteryStandardError!) / 2));

    await shareResults({ userId: pupil.id, campaignId });
    const shared = await db.participation.findFirstOrThrow({ where: { campaignId, userId: pupil.id }, include: { tubeResults: true } });
    expect(shared.masteryRate).toBeCloseTo(validated / targetCount, 12);
    expect(shared.tubeResults.reduce((sum, r) => sum + r.validatedCount, 0)).toBe(validated);
    expect(shared.masteryStandardError).toBe(completed.masteryStandardError);
    const { rows } = await resultsList(campaignId, { search: "", stage: null, division: null, sort: "nom", page: 1 });
    expect(rows[0].masteryStandardError).toBe(completed.masteryStandardError);
  });

  it("asks fewer questions with the precision engine than with smart random on a rentrée parcours", async () => {
    const count = async (method: "PRECISION" | "SMART_RANDOM") => {
      const { campaignId, code } = await campaignOf(method, "tp-rentree-3e");
      const pupil = await createUser();
      await takeTest(campaignId, code, pupil.id, 2);
      return db.answer.count({ where: { assessment: { participation: { campaignId } } } });
    };
    expect(await count("PRECISION")).toBeLessThan(await count("SMART_RANDOM"));
  });

  it("never asks again what an earlier campaign showed; a skill only the model guessed may be asked", async () => {
    const first = await campaignOf("PRECISION");
    const pupil = await createUser();
    await takeTest(first.campaignId, first.code, pupil.id, 3);
    const shown = new Set((await latestElements(pupil.id)).filter((k) => k.source !== "MODEL").map((k) => k.skill_id));
    const second = await campaignOf("PRECISION");
    await takeTest(second.campaignId, second.code, pupil.id, 3);
    const asked = await db.answer.findMany({ where: { assessment: { participation: { campaignId: second.campaignId } } }, select: { challengeId: true } });
    const askedSkills = await db.challenge.findMany({ where: { id: { in: asked.map((a) => a.challengeId) } }, select: { skillId: true } });
    for (const { skillId } of askedSkills) expect(shown.has(skillId)).toBe(false);
  });
});
