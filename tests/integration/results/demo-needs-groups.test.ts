import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDemoCampaigns } from "@/lib/db/seed/demo-campaigns";
import { DEMO_RESULTS_CAMPAIGN } from "@/lib/db/seed/demo-results";
import { seedDemoRoster } from "@/lib/db/seed/demo-roster";
import { seedDemoSchool } from "@/lib/db/seed/demo-school";
import { campaignNeedsGroups } from "@/lib/use-cases/campaigns/campaign-needs-groups";

describe("the demo campaign's needs groups", () => {
  it("come from eleven results sent through the engine (4A's three, 4B's eight), with groups that differ by subject", async () => {
    const { establishmentId } = await seedDemoSchool(db);
    await seedDemoRoster(db, establishmentId);
    await seedDemoCampaigns(establishmentId);
    const campaign = await db.campaign.findFirstOrThrow({ where: { establishmentId, name: DEMO_RESULTS_CAMPAIGN }, select: { id: true } });
    const groups = await campaignNeedsGroups(campaign.id);
    if (!groups.ready) throw new Error("the demo must show groups");
    expect(groups.received).toBe(11);
    expect(groups.groupCount).toBeGreaterThanOrEqual(3);
    // Groups are about subjects, not only levels: at least two groups have different weakest subjects.
    const weakest = new Set(groups.groups.filter((g) => g.subjects.length > 0).map((g) => g.subjects.map((s) => s.tubeId).join(",")));
    expect(weakest.size).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
