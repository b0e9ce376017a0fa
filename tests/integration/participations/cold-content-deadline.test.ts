import { describe, expect, it } from "vitest";
import { pgPool } from "@/lib/db/client";
import { engineContentOfCampaign } from "@/lib/db/repositories/assessment-repository";
import { campaignIdOfCode } from "@/lib/db/repositories/content-memory";
import { mintSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { BUSY_MESSAGE } from "@/lib/domain/shared/errors";
import { answerFlowRequest } from "@/lib/pupil-flow/flow-request";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

/**
 * mends (07/12): a challenge's text not yet in the answer path's memory (the first answers after a start, or an unknown
 * id) was read through Prisma, which waits DATABASE_POOL_WAIT_MS (15 s) for a connection like a page does. The answer
 * waits DATABASE_QUEUE_DEADLINE_MS (1 s) at most, then gets the usual 503 « Trop de monde… » that the script retries.
 * Its own file: the memory of challenge texts is the module's, and no other test may have filled it.
 */
describe("the answer path reads a challenge text it does not have yet within the answer's deadline", () => {
  it("all connections busy: a cold or unknown challenge gets the 503 to retry after about a second, not after the pages' wait", async () => {
    const school = await createEstablishment({ isManagingStudents: false });
    const teacher = await createUser();
    await addMember(school.id, teacher.id, "ADMIN");
    const form = campaignCreationSchema.parse({ name: "Froide", type: "ASSESSMENT", targetProfileId: "tp-competence-4-1", askExternalId: "no", ownerId: String(teacher.id) });
    const { id: campaignId, code } = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign: form });
    const pupil = await createUser();
    await startParticipation({ userId: pupil.id, code, externalId: null });
    const q = await currentQuestion({ userId: pupil.id, campaignId });
    if (q.kind !== "question") throw new Error("expected a question");
    const token = await mintSessionToken({ userId: pupil.id, sessionVersion: 0, now: new Date() });
    // The campaign in memory, its challenges' texts not.
    await campaignIdOfCode(code);
    await engineContentOfCampaign(campaignId);
    const held = await Promise.all(Array.from({ length: 10 }, () => pgPool().connect()));
    try {
      for (const challengeId of [q.challengeId, "rec-inconnu"]) {
        const body = new URLSearchParams({ code, challengeId, kind: "fields", intent: "skip" }).toString();
        const startedAt = Date.now();
        const reply = await answerFlowRequest({ code, header: (name) => (name === "content-type" ? "application/x-www-form-urlencoded" : null), cookies: { [sessionCookieName()]: token }, body, receivedAt: startedAt });
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
