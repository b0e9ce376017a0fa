import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { CampaignActivityListener, COALESCE_MS, type CampaignActivityEvent } from "@/lib/db/live/campaign-activity-listener";
import { campaignCreationSchema } from "@/lib/domain/campaigns/campaign-form";
import { NotFoundError } from "@/lib/domain/shared/errors";
import { createCampaign } from "@/lib/use-cases/campaigns/create-campaign";
import { readLiveView } from "@/lib/use-cases/live-view/read-live-view";
import { answerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { addMember, createEstablishment, createUser } from "../../support/factories";

const listeners: CampaignActivityListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

function listener(): CampaignActivityListener {
  const created = new CampaignActivityListener({ connectionString: process.env.DATABASE_URL! });
  listeners.push(created);
  return created;
}

/** The events a subscriber receives, with a way to wait for the next ones. */
function recorder() {
  const events: { event: CampaignActivityEvent; at: number }[] = [];
  return {
    events,
    subscriber: (event: CampaignActivityEvent) => void events.push({ event, at: Date.now() }),
    async until(count: number, timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return events.length;
    },
  };
}

const listenConnections = async () =>
  Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'pix-libre-live'`))[0].n);

async function classSession() {
  const school = await createEstablishment({ isManagingStudents: true });
  const teacher = await createUser();
  await addMember(school.id, teacher.id, "MEMBER");
  const form = campaignCreationSchema.parse({ name: "Séance", type: "ASSESSMENT", targetProfileId: "tp-competence-4-1", askExternalId: "no", ownerId: String(teacher.id) });
  const campaign = await createCampaign({ actorUserId: teacher.id, establishmentId: school.id, campaign: form });
  const pupils = [];
  for (const [firstName, lastName] of [["Ada", "Aubert"], ["Basile", "Bernard"]]) {
    const user = await createUser({ firstName, lastName });
    await db.learner.create({ data: { establishmentId: school.id, userId: user.id, firstName, lastName, division: "4C" } });
    pupils.push(user);
  }
  await db.learner.create({ data: { establishmentId: school.id, firstName: "Chloé", lastName: "Colin", division: "4C" } });
  await db.learner.create({ data: { establishmentId: school.id, firstName: "Dylan", lastName: "Durand", division: "3A" } });
  return { school, teacher, campaign, pupils };
}

async function answerOnce(user: { id: number }, code: string, campaignId: number, answer: "skip" | "wrong") {
  const question = await currentQuestion({ userId: user.id, campaignId });
  if (question.kind !== "question") throw new Error(question.kind);
  const claims = { userId: user.id, sessionId: `s-${user.id}`, sessionVersion: 0 };
  const outcome = await answerAndContinue({ claims, code, challengeId: question.challengeId, answer: answer === "skip" ? null : { kind: "fields", values: { reponse: "x" } } });
  if (outcome.kind !== "answered") throw new Error(outcome.kind);
}

describe("« Suivi en direct »: LISTEN/NOTIFY", () => {
  it("hears the answer path's NOTIFY (sent inside the answer's transaction) and a participation's start", async () => {
    const { campaign, pupils } = await classSession();
    const live = listener();
    const other = recorder();
    live.subscribe(campaign.id + 1000, other.subscriber);
    const heard = recorder();
    live.subscribe(campaign.id, heard.subscriber);
    await live.ready();
    await heard.until(1); // the resync of the first LISTEN
    expect(heard.events.map((e) => e.event)).toEqual(["resync"]);
    await startParticipation({ userId: pupils[0].id, code: campaign.code, externalId: null });
    expect(await heard.until(2)).toBe(2);
    await new Promise((r) => setTimeout(r, COALESCE_MS + 50));
    await answerOnce(pupils[0], campaign.code, campaign.id, "wrong");
    expect(await heard.until(3)).toBe(3);
    expect(heard.events.slice(1).map((e) => e.event)).toEqual(["changed", "changed"]);
    // Another campaign's subscriber heard only its own resync.
    expect(other.events.map((e) => e.event)).toEqual(["resync"]);
  });

  it("keeps one database connection for many subscribers, and coalesces a burst into at most one push per 500 ms", async () => {
    const { campaign } = await classSession();
    const live = listener();
    const watchers = Array.from({ length: 40 }, () => recorder());
    watchers.forEach((w, i) => live.subscribe(i < 20 ? campaign.id : campaign.id + 1, w.subscriber));
    await live.ready();
    expect(await listenConnections()).toBe(1);
    expect(live.connectionsOpened).toBe(1);
    await watchers[0].until(1);
    await new Promise((r) => setTimeout(r, COALESCE_MS + 50));
    const start = Date.now();
    for (let i = 0; i < 20; i++) await db.$executeRawUnsafe(`SELECT pg_notify('campaign_activity', $1)`, String(campaign.id));
    await new Promise((r) => setTimeout(r, 2 * COALESCE_MS + 200));
    const pushes = watchers[0].events.filter((e) => e.at >= start);
    // A leading push at once, then one trailing push for the rest of the burst: never twenty.
    expect(pushes.length).toBeGreaterThanOrEqual(1);
    expect(pushes.length).toBeLessThanOrEqual(2);
    if (pushes.length === 2) expect(pushes[1].at - pushes[0].at).toBeGreaterThanOrEqual(COALESCE_MS - 20);
    // Every watcher of the campaign got the same pushes; the other campaign's got none.
    for (const w of watchers.slice(0, 20)) expect(w.events.filter((e) => e.at >= start).length).toBe(pushes.length);
    for (const w of watchers.slice(20)) expect(w.events.filter((e) => e.at >= start)).toEqual([]);
  });

  it("comes back after its connection is killed, tells every subscriber to resync, and hears again", async () => {
    const { campaign } = await classSession();
    const live = listener();
    const heard = recorder();
    live.subscribe(campaign.id, heard.subscriber);
    await live.ready();
    await heard.until(1);
    await db.$executeRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pix-libre-live'`);
    expect(await heard.until(2, 5_000)).toBe(2);
    expect(heard.events[1].event).toBe("resync");
    expect(live.connectionsOpened).toBe(2);
    await new Promise((r) => setTimeout(r, COALESCE_MS + 50));
    await db.$executeRawUnsafe(`SELECT pg_notify('campaign_activity', $1)`, String(campaign.id));
    expect(await heard.until(3)).toBe(3);
    expect(heard.events[2].event).toBe("changed");
    expect(await listenConnections()).toBe(1);
  });

  it("sends nothing for a rolled-back write (the NOTIFY is part of the transaction)", async () => {
    const { campaign } = await classSession();
    const live = listener();
    const heard = recorder();
    live.subscribe(campaign.id, heard.subscriber);
    await live.ready();
    await heard.until(1);
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_notify('campaign_activity', $1)`, String(campaign.id));
      throw new Error("rollback");
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.events.length).toBe(1);
  });
});

describe("« Suivi en direct »: the rows and who may read them", () => {
  it("lists the class's roster pupils, joined or not, with their state; without a class, every participant", async () => {
    const { teacher, campaign, pupils } = await classSession();
    await startParticipation({ userId: pupils[0].id, code: campaign.code, externalId: null });
    for (let i = 0; i < 3; i++) await answerOnce(pupils[0], campaign.code, campaign.id, "skip");
    const now = new Date();
    const view = await readLiveView({ userId: teacher.id, campaignId: campaign.id, division: "4C", now });
    expect(view.lines.map((l) => [l.lastName, l.stage])).toEqual([["Aubert", "QUESTION"], ["Bernard", "NOT_STARTED"], ["Colin", "NOT_STARTED"]]);
    expect(view.lines[0]).toMatchObject({ answersCount: 3, questionNumber: 4, stuckReasons: ["SKIPS"] });
    expect(view.counters).toMatchObject({ expected: 3, started: 1, inProgress: 1, stuck: 1, finished: 0, percentDone: 0 });
    expect(view.serverNow).toBe(now.toISOString());
    const everyone = await readLiveView({ userId: teacher.id, campaignId: campaign.id, division: null, now });
    expect(everyone.lines.map((l) => l.lastName)).toEqual(["Aubert"]);
  });

  it("refuses a teacher of another school, a pupil, and a member whose membership was revoked", async () => {
    const { teacher, school, campaign, pupils } = await classSession();
    const outsider = await createUser();
    await addMember((await createEstablishment()).id, outsider.id, "ADMIN");
    const read = (userId: number) => readLiveView({ userId, campaignId: campaign.id, division: "4C", now: new Date() });
    await expect(read(outsider.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(read(pupils[0].id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(read(teacher.id)).resolves.toMatchObject({ campaignId: campaign.id });
    await db.membership.updateMany({ where: { userId: teacher.id, establishmentId: school.id }, data: { disabledAt: new Date() } });
    await expect(read(teacher.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
