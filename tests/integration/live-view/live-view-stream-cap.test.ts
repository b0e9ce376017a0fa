import { afterAll, describe, expect, it, vi } from "vitest";
import { mintSessionToken } from "@/lib/auth/session-token";
import { db } from "@/lib/db/client";
import { campaignActivityListener } from "@/lib/db/live/campaign-activity";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { liveViewStreamsHeld, maxLiveViewStreamsPerUser } from "@/lib/server/live-view-slots";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

// The route reads the session cookie through next/headers: the cookie is stubbed, the session and the rest run for real.
const cookie = vi.hoisted(() => ({ token: null as string | null }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name.endsWith("next-auth.session-token") && cookie.token ? { name, value: cookie.token } : undefined) }),
}));
const { GET } = await import("@/app/api/campagnes/[id]/suivi/flux/route");
const MAX_LIVE_VIEW_STREAMS_PER_USER = maxLiveViewStreamsPerUser();

afterAll(async () => {
  await campaignActivityListener().close();
});

async function teacherWithCampaign() {
  const school = await createEstablishment({ isManagingStudents: true });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "MEMBER");
  const form = campaignCreationSchema.parse({ name: "Séance", type: "ASSESSMENT", targetProfileId: "tp-competence-4-1", askExternalId: "no", ownerId: String(teacher.id) });
  const campaign = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign: form });
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: teacher.id }, select: { sessionVersion: true } });
  return { school, teacher, campaign, token: await mintSessionToken({ userId: teacher.id, sessionVersion, now: new Date() }) };
}

/** One EventSource-like connection: the response, and a way to leave as a closed tab does. */
async function connect(campaignId: number, token: string) {
  cookie.token = token;
  const abort = new AbortController();
  const request = new Request(`http://localhost/api/campagnes/${campaignId}/suivi/flux`, { signal: abort.signal, headers: { accept: "text/event-stream" } });
  const response = await GET(request, { params: Promise.resolve({ id: String(campaignId) }) });
  return { response, leave: () => abort.abort() };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
};

describe("« Suivi en direct »: streams per account", () => {
  it("allows 6 by default: a teacher's few tabs and devices", () => {
    expect(MAX_LIVE_VIEW_STREAMS_PER_USER).toBe(6);
  });

  it("refuses the stream beyond the cap with a French 429, and a stream that ends frees its slot", async () => {
    const { teacher, campaign, token } = await teacherWithCampaign();
    const open = [];
    for (let i = 0; i < MAX_LIVE_VIEW_STREAMS_PER_USER; i++) open.push(await connect(campaign.id, token));
    for (const { response } of open) expect(response.status).toBe(200);
    expect(liveViewStreamsHeld(teacher.id)).toBe(MAX_LIVE_VIEW_STREAMS_PER_USER);

    const refused = await connect(campaign.id, token);
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get("retry-after")).toBe("30");
    expect(await refused.response.json()).toEqual({ error: expect.stringMatching(/^Trop de suivis en direct ouverts/) });

    // A tab closed: the request's signal aborts, the slot comes back.
    open.shift()!.leave();
    await until(() => liveViewStreamsHeld(teacher.id) === MAX_LIVE_VIEW_STREAMS_PER_USER - 1);
    const again = await connect(campaign.id, token);
    expect(again.response.status).toBe(200);
    open.push(again);

    // The body cancelled by the server's side (the socket gone without an abort): freed too.
    await open.shift()!.response.body!.cancel();
    expect(liveViewStreamsHeld(teacher.id)).toBe(MAX_LIVE_VIEW_STREAMS_PER_USER - 1);

    for (const { leave } of open) leave();
    await until(() => liveViewStreamsHeld(teacher.id) === 0);
  });

  it("counts per account: another teacher is not refused, a stranger takes no slot, and revocation frees them", async () => {
    const first = await teacherWithCampaign();
    const colleague = await createUser();
    await addMember(first.school.id, colleague.id, "MEMBER");
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: colleague.id }, select: { sessionVersion: true } });
    const colleagueToken = await mintSessionToken({ userId: colleague.id, sessionVersion, now: new Date() });
    const stranger = await teacherWithCampaign();

    const open = [];
    for (let i = 0; i < MAX_LIVE_VIEW_STREAMS_PER_USER; i++) open.push(await connect(first.campaign.id, first.token));
    const colleagueStream = await connect(first.campaign.id, colleagueToken);
    expect(colleagueStream.response.status).toBe(200);
    expect(liveViewStreamsHeld(first.teacher.id)).toBe(MAX_LIVE_VIEW_STREAMS_PER_USER);
    // Another school's member: the usual 404, and nothing counted for them.
    expect((await connect(first.campaign.id, stranger.token)).response.status).toBe(404);
    expect(liveViewStreamsHeld(stranger.teacher.id)).toBe(0);

    // Membership revoked: each stream closes with `acces` at the next change and gives its slot back.
    await campaignActivityListener().ready();
    await db.membership.updateMany({ where: { userId: first.teacher.id }, data: { disabledAt: new Date() } });
    await db.$executeRawUnsafe(`SELECT pg_notify('campaign_activity', $1)`, String(first.campaign.id));
    await until(() => liveViewStreamsHeld(first.teacher.id) === 0);
    for (const { leave } of [...open, colleagueStream]) leave();
  });
});
