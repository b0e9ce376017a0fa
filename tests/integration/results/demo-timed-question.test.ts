import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { challengeSource } from "@/lib/db/repositories/assessment-repository";
import { seedDemoCampaigns } from "@/lib/db/seed/demo-campaigns";
import { DEMO_RESULTS_CAMPAIGN } from "@/lib/db/seed/demo-results";
import { seedDemoRoster } from "@/lib/db/seed/demo-roster";
import { seedDemoSchool } from "@/lib/db/seed/demo-school";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";

describe("the demo's pupil in the middle of the test", () => {
  it("Mary Jackson is left in front of a timed question she has not started (its warning and « Commencer »)", async () => {
    const { establishmentId } = await seedDemoSchool(db);
    await seedDemoRoster(db, establishmentId);
    await seedDemoCampaigns(establishmentId);
    const campaign = await db.campaign.findFirstOrThrow({ where: { establishmentId, name: DEMO_RESULTS_CAMPAIGN }, select: { id: true } });
    const mary = await db.user.findUniqueOrThrow({ where: { email: "mary.jackson@example.org" }, select: { id: true } });
    const question = await currentQuestion({ userId: mary.id, campaignId: campaign.id });
    if (question.kind === "completed") throw new Error("Mary Jackson must still be answering");
    expect(question.answersCount).toBeGreaterThanOrEqual(7);
    expect(question.isTimerStarted).toBe(false);
    expect((await challengeSource(question.challengeId))?.content.timer).toBeGreaterThan(0);
  }, 120_000);

  it("the demo's other pupils answer timed questions within their time: a pupil who masters one gets it right, not « Temps dépassé »", async () => {
    const { establishmentId } = await seedDemoSchool(db);
    await seedDemoRoster(db, establishmentId);
    await seedDemoCampaigns(establishmentId);
    const campaign = await db.campaign.findFirstOrThrow({ where: { establishmentId, name: DEMO_RESULTS_CAMPAIGN }, select: { id: true } });
    // Every pupil of the campaign but Mary Jackson, who stalls in the middle of her test (above).
    const answers = await db.answer.findMany({
      where: { assessment: { participation: { campaignId: campaign.id, user: { email: { not: "mary.jackson@example.org" } } } } },
      select: { challengeId: true, result: true },
    });
    const timed: string[] = [];
    for (const answer of answers) if ((await challengeSource(answer.challengeId))?.content.timer) timed.push(answer.result);
    expect(timed.length).toBeGreaterThan(0);
    expect(timed.filter((result) => result === "TIMEDOUT")).toEqual([]);
    expect(timed).toContain("OK");
  }, 120_000);
});
