import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { dailyActivity } from "@/lib/db/queries/campaign-results";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { createUser } from "../../support/factories";
import { campaignWithTeacher } from "./results-builders";

describe("Activité: participations per day", () => {
  it("counts each event on its Paris calendar day (dates are stored in UTC)", async () => {
    const { campaignId, code } = await campaignWithTeacher("Jours");
    const late = await createUser();
    const early = await createUser();
    // 22:30 UTC on 14 July is 00:30 on 15 July in Paris (summer time); 23:30 UTC on 10 January is 00:30 on the 11th.
    await startParticipation({ userId: late.id, code, externalId: null, now: new Date("2026-07-14T22:30:00Z") });
    await startParticipation({ userId: early.id, code, externalId: null, now: new Date("2026-07-14T21:30:00Z") });
    await db.participation.updateMany({ where: { campaignId, userId: early.id }, data: { status: "SHARED", sharedAt: new Date("2027-01-10T23:30:00Z") } });
    expect(await dailyActivity(campaignId)).toEqual([
      { day: "2026-07-14", started: 1, shared: 0 },
      { day: "2026-07-15", started: 1, shared: 0 },
      { day: "2027-01-11", started: 0, shared: 1 },
    ]);
  });
});
