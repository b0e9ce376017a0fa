import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { engineContentOfCampaign } from "@/lib/db/repositories/assessment-repository";
import { openCampaign } from "../support/answer-world";

/**
 * The database is emptied between tests and its ids start again at 1 (setup-each-file.ts): a campaign's content kept
 * in memory by id (memo.ts) must not outlive its test, or the next test's campaign 1 gets the previous one's skills.
 */
describe("the content kept in memory, between two tests of a file", () => {
  const skillsOf = async (campaignId: number) =>
    (await db.campaignSkill.findMany({ where: { campaignId }, select: { skillId: true } })).map((s) => s.skillId).sort();

  it("a first test reads a campaign on one target profile", async () => {
    const campaign = await openCampaign({ targetProfileId: "tp-rentree-3e" });
    expect(campaign.id).toBe(1);
    expect((await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id).sort()).toEqual(await skillsOf(campaign.id));
  });

  it("the next test's campaign 1, on another profile, gets its own content", async () => {
    const campaign = await openCampaign({ targetProfileId: "tp-competence-4-1" });
    expect(campaign.id).toBe(1);
    expect((await engineContentOfCampaign(campaign.id)).skills.map((s) => s.id).sort()).toEqual(await skillsOf(campaign.id));
  });
});
