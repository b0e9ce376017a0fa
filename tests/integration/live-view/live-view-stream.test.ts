import { afterAll, describe, expect, it } from "vitest";
import { mintSessionToken } from "@/lib/auth/session-token";
import { db } from "@/lib/db/client";
import { campaignActivityListener } from "@/lib/db/live/campaign-activity";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { liveViewStream } from "@/lib/server/live-view-stream";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import type { LiveViewSnapshot } from "@/lib/use-cases/live-view/read-live-view";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

afterAll(async () => {
  await campaignActivityListener().close();
});

async function session() {
  const school = await createEstablishment({ isManagingStudents: true });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "MEMBER");
  const form = campaignCreationSchema.parse({ name: "Séance", type: "ASSESSMENT", targetProfileId: "tp-competence-4-1", askExternalId: "no", ownerId: String(teacher.id) });
  const campaign = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign: form });
  const pupil = await createUser({ firstName: "Ada", lastName: "Aubert" });
  await db.learner.create({ data: { establishmentId: school.id, userId: pupil.id, firstName: "Ada", lastName: "Aubert", division: "4C" } });
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: teacher.id }, select: { sessionVersion: true } });
  const token = await mintSessionToken({ userId: teacher.id, sessionVersion, now: new Date() });
  return { school, teacher, campaign, pupil, token };
}

/** Reads a server-sent event stream event by event. */
function events(stream: ReadableStream<Uint8Array>) {
  const reader = stream.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
  let buffer = "";
  return async function next(timeoutMs = 3_000): Promise<{ event: string; data: unknown } | "end"> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) return { event, data: JSON.parse(data) };
        continue; // retry: and heartbeats
      }
      const read = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - Date.now())))]);
      if (read === null) throw new Error("aucun événement à temps");
      if (read.done) return "end";
      buffer += read.value;
    }
  };
}

describe("« Suivi en direct »: the event stream", () => {
  it("sends the snapshot, a new one within 2 s of a pupil's start, and closes when the membership is revoked", async () => {
    const { school, teacher, campaign, pupil, token } = await session();
    const abort = new AbortController();
    const next = events(liveViewStream({ token, userId: teacher.id, campaignId: campaign.id, division: "4C", signal: abort.signal }));
    const first = await next();
    expect(first).toMatchObject({ event: "etat", data: { lines: [{ lastName: "Aubert", stage: "NOT_STARTED" }] } });
    await campaignActivityListener().ready();
    const started = Date.now();
    await startParticipation({ userId: pupil.id, code: campaign.code, externalId: null });
    let update = await next();
    // The listener's first LISTEN sends a resync too: skip snapshots that do not show the start yet.
    while (update !== "end" && update.event === "etat" && (update.data as LiveViewSnapshot).lines[0].stage === "NOT_STARTED") update = await next();
    expect(update).toMatchObject({ event: "etat", data: { lines: [{ lastName: "Aubert", stage: "QUESTION", questionNumber: 1 }] } });
    expect(Date.now() - started).toBeLessThan(2_000);

    await db.membership.updateMany({ where: { userId: teacher.id, establishmentId: school.id }, data: { disabledAt: new Date() } });
    await db.$executeRawUnsafe(`SELECT pg_notify('campaign_activity', $1)`, String(campaign.id));
    let closing = await next();
    while (closing !== "end" && closing.event === "etat") closing = await next();
    expect(closing).toMatchObject({ event: "acces" });
    expect(await next()).toBe("end");
    abort.abort();
  });

  it("closes on its periodic check once the session is signed out everywhere, with no activity at all", async () => {
    const { teacher, campaign, token } = await session();
    const abort = new AbortController();
    const next = events(liveViewStream({ token, userId: teacher.id, campaignId: campaign.id, division: null, signal: abort.signal, recheckMs: 300 }));
    expect(await next()).toMatchObject({ event: "etat" });
    await db.user.update({ where: { id: teacher.id }, data: { sessionVersion: { increment: 1 } } });
    let closing = await next();
    while (closing !== "end" && closing.event === "etat") closing = await next();
    expect(closing).toMatchObject({ event: "acces" });
    expect(await next()).toBe("end");
    abort.abort();
  });
});
