import { describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db/client";
import { engineContentOfCampaign } from "@/lib/db/repositories/assessment-repository";
import { cachedChallengeSource, campaignIdOfCode } from "@/lib/db/repositories/content-memory";
import { BUSY_MESSAGE } from "@/lib/domain/shared/errors";
import { answerFlowRequest } from "@/lib/pupil-flow/flow-request";
import { ARRIVAL_HEADER } from "@/lib/server/arrival-proof";
import { busyAfterTheCommit, flowRequest, openCampaign, pupilIn, skipForm } from "../support/answer-world";

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

  it("the answer recorded but the next question's text not read in time: the 503 to retry, and the retry shows it (one answer)", async () => {
    const campaign = await openCampaign({ name: "Froide" });
    const { pupil, token, first } = await pupilIn(campaign);
    // In memory: the campaign and the question answered; not the question after it.
    await campaignIdOfCode(campaign.code);
    await engineContentOfCampaign(campaign.id);
    await cachedChallengeSource(first);
    const sent = flowRequest(campaign.code, token, skipForm(campaign.code, first).toString());
    // Behind the answer's transaction another client (a page, another answer) waits too: the connection the transaction
    // gives back goes to that one, and the next question's text finds none.
    const reply = await busyAfterTheCommit(() => answerFlowRequest(sent));
    expect(reply.status).toBe(503);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, message: BUSY_MESSAGE, retryAfterSeconds: 2 });
    expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(1);
    // The script's retry (with the refusal's proof): already recorded, the next question shown, still one answer.
    const retried = await answerFlowRequest(flowRequest(campaign.code, token, sent.body, { [ARRIVAL_HEADER]: reply.headers[ARRIVAL_HEADER] }));
    expect(retried.status).toBe(200);
    expect(JSON.parse(retried.body).show.path).toBe(`/campagnes/${campaign.code}/evaluation`);
    expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(1);
  });
});
