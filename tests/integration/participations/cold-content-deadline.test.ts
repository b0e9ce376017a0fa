import { describe, expect, it } from "vitest";
import { pgPool } from "@/lib/db/client";
import { engineContentOfCampaign } from "@/lib/db/repositories/assessment-repository";
import { campaignIdOfCode } from "@/lib/db/repositories/content-memory";
import { BUSY_MESSAGE } from "@/lib/domain/shared/errors";
import { answerFlowRequest } from "@/lib/pupil-flow/flow-request";
import { flowRequest, openCampaign, pupilIn, skipForm } from "../support/answer-world";

/**
 * mends (07/12): a challenge's text not yet in the answer path's memory (the first answers after a start, or an unknown
 * id) was read through Prisma, which waits DATABASE_POOL_WAIT_MS (15 s) for a connection like a page does. The answer
 * waits DATABASE_QUEUE_DEADLINE_MS (1 s) at most, then gets the usual 503 « Trop de monde… » that the script retries.
 * Its own file: the memory of challenge texts is the module's, and no other test may have filled it.
 */
describe("the answer path reads a challenge text it does not have yet within the answer's deadline", () => {
  it("all connections busy: a cold or unknown challenge gets the 503 to retry after about a second, not after the pages' wait", async () => {
    const campaign = await openCampaign({ name: "Froide" });
    const { token, first } = await pupilIn(campaign);
    // The campaign in memory, its challenges' texts not.
    await campaignIdOfCode(campaign.code);
    await engineContentOfCampaign(campaign.id);
    const held = await Promise.all(Array.from({ length: 10 }, () => pgPool().connect()));
    try {
      for (const challengeId of [first, "rec-inconnu"]) {
        const startedAt = Date.now();
        const reply = await answerFlowRequest(flowRequest(campaign.code, token, skipForm(campaign.code, challengeId).toString()));
        expect(Date.now() - startedAt, challengeId).toBeLessThan(5_000);
        expect(reply.status, challengeId).toBe(503);
        expect(reply.headers["retry-after"]).toBe("2");
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false, message: BUSY_MESSAGE, retryAfterSeconds: 2 });
      }
    } finally {
      for (const c of held) c.release();
    }
  });
});
