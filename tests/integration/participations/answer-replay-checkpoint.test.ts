import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { sessionCookieName } from "@/lib/auth/session-token";
import { db } from "@/lib/db/client";
import { roundTrips } from "@/lib/db/prisma-factory";
import { STATE_CALL } from "@/lib/db/repositories/answer-transaction";
import { engineContentOfCampaign } from "@/lib/db/repositories/assessment-repository";
import { cachedChallengeSource } from "@/lib/db/repositories/content-memory";
import { CHECKPOINT_EVERY } from "@/lib/domain/participations/checkpoint";
import { BUSY_MESSAGE } from "@/lib/domain/shared/errors";
import { answerFlowRequest } from "@/lib/pupil-flow/flow-request";
import { ARRIVAL_HEADER } from "@/lib/server/arrival-proof";
import { answerAndContinue, type AnswerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { checkpointView } from "@/lib/use-cases/participations/checkpoint-view";
import { busyAfterTheCommit, flowRequest, openCampaign, pupilIn, skipForm } from "../support/answer-world";

const { POST } = await import("@/app/(app)/campagnes/[code]/evaluation/route");

/**
 * ADR 0013 « 07/12 (21) » (issue 15, « nothing a user did is ever lost »): the checkpoint (every fifth answer, and the
 * end of the test) was shown only when the answer was recorded by the request that showed it. When the first try
 * committed but its reply never reached the pupil (a 503 after the commit while the checkpoint's content was read, a
 * dropped connection, a restart, a second click), the page sent the same answer again, got « already recorded » and
 * went straight to the next question: the corrections and tutorials of those five answers were silently skipped.
 * A replay of the assessment's latest answer now shows what the first try would have; an older one shows nothing old.
 */

type Answered = Extract<AnswerAndContinue, { kind: "answered" }>;
type World = Awaited<ReturnType<typeof pupilIn>> & { campaign: { id: number; code: string }; claims: { userId: number; sessionId: string; sessionVersion: number } };

async function world(options: { warm?: boolean } = { warm: true }): Promise<World> {
  const campaign = await openCampaign({ name: "Reprise", warm: options.warm });
  const pupil = await pupilIn(campaign);
  return { ...pupil, campaign, claims: { userId: pupil.pupil.id, sessionId: `s-${pupil.pupil.id}`, sessionVersion: 0 } };
}

async function answer(w: World, challengeId: string): Promise<Answered> {
  const outcome = await answerAndContinue({ claims: w.claims, code: w.campaign.code, challengeId, answer: null });
  if (outcome.kind !== "answered") throw new Error(outcome.kind);
  return outcome;
}

/** Answers (« Je passe ») from the first question until `count` answers are recorded: each answer's challenge and outcome. */
async function answerUpTo(w: World, count: number): Promise<{ challengeId: string; outcome: Answered }[]> {
  const done: { challengeId: string; outcome: Answered }[] = [];
  let challengeId: string | null = w.first;
  while (challengeId && done.length < count) {
    const outcome = await answer(w, challengeId);
    expect(outcome.result).not.toBe("ALREADY_RECORDED");
    done.push({ challengeId, outcome });
    challengeId = outcome.next?.challengeId ?? null;
  }
  return done;
}

/** The plain form post of a page without JavaScript, through the route: its status and where it sends the pupil. */
async function plainPost(w: World, body: string) {
  const headers = { "content-type": "application/x-www-form-urlencoded", cookie: `${sessionCookieName()}=${w.token}`, origin: "http://localhost", host: "localhost" };
  const code = w.campaign.code;
  const response = await POST(new NextRequest(`http://localhost/campagnes/${code}/evaluation`, { method: "POST", body, headers }), { params: Promise.resolve({ code }) });
  return { status: response.status, location: response.headers.get("location") };
}

const answerCount = (w: World) => db.answer.count({ where: { assessment: { userId: w.pupil.id } } });

describe("an answer sent again never skips its checkpoint (ADR 0013 « 07/12 (21) »)", () => {
  it("the fifth answer sent again shows the same checkpoint, then the same next question; only a read, nothing written", async () => {
    const w = await world();
    const done = await answerUpTo(w, CHECKPOINT_EVERY);
    const fifth = done[CHECKPOINT_EVERY - 1];
    expect(fifth.outcome.checkpoint).not.toBeNull();
    expect(fifth.outcome.checkpoint!.items.map((i) => i.id)).toHaveLength(CHECKPOINT_EVERY);
    roundTrips.log = [];
    let replay: Answered;
    let log: string[];
    try {
      replay = await answer(w, fifth.challengeId);
      log = roundTrips.log;
    } finally {
      roundTrips.log = null;
    }
    expect(replay.result).toBe("ALREADY_RECORDED");
    expect(replay.checkpoint).toEqual(fifth.outcome.checkpoint);
    expect(replay.next?.challengeId).toBe(fifth.outcome.next!.challengeId);
    // The « already recorded » decision is made on a read (never on the process's memory): that read, nothing else.
    expect(log).toEqual([STATE_CALL]);
    expect(await answerCount(w)).toBe(CHECKPOINT_EVERY);

    // The script's reply: the checkpoint, the next question after it.
    const reply = await answerFlowRequest(flowRequest(w.campaign.code, w.token, skipForm(w.campaign.code, fifth.challengeId).toString()));
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body);
    expect(body.show.path).toBe(`/campagnes/${w.campaign.code}/checkpoint`);
    expect(body.after.path).toBe(`/campagnes/${w.campaign.code}/evaluation`);
    // Without JavaScript: to the checkpoint's page.
    expect(await plainPost(w, skipForm(w.campaign.code, fifth.challengeId).toString())).toEqual({ status: 303, location: `/campagnes/${w.campaign.code}/checkpoint` });
    expect(await answerCount(w)).toBe(CHECKPOINT_EVERY);
  });

  it("the last answer sent again shows the end checkpoint, then the results, as its first try did", async () => {
    const w = await world();
    const done = await answerUpTo(w, 200);
    const last = done.at(-1)!;
    expect(last.outcome.next).toBeNull();
    expect(last.outcome.checkpoint?.completed).toBe(true);
    const replay = await answer(w, last.challengeId);
    expect(replay.result).toBe("ALREADY_RECORDED");
    expect(replay.next).toBeNull();
    expect(replay.checkpoint).toEqual(last.outcome.checkpoint);

    const reply = await answerFlowRequest(flowRequest(w.campaign.code, w.token, skipForm(w.campaign.code, last.challengeId).toString()));
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body);
    expect(body.show.path).toBe(`/campagnes/${w.campaign.code}/checkpoint?fin=1`);
    expect(body.after).toBeUndefined();
    expect(await plainPost(w, skipForm(w.campaign.code, last.challengeId).toString())).toEqual({ status: 303, location: `/campagnes/${w.campaign.code}/checkpoint?fin=1` });
    expect(await answerCount(w)).toBe(done.length);
    // An older answer of the ended test: no checkpoint, the results.
    const older = done.at(-2)!;
    expect((await answer(w, older.challengeId)).checkpoint).toBeNull();
    expect(await plainPost(w, skipForm(w.campaign.code, older.challengeId).toString())).toEqual({ status: 303, location: `/campagnes/${w.campaign.code}/resultats` });
  });

  it("an older answer sent again (not the latest) brings back no old checkpoint: the current question", async () => {
    const w = await world();
    const done = await answerUpTo(w, CHECKPOINT_EVERY + 1);
    expect(done).toHaveLength(CHECKPOINT_EVERY + 1);
    const current = done.at(-1)!.outcome.next!.challengeId;
    // The fifth (its checkpoint was shown, the pupil went on) and the fourth (no checkpoint ever).
    for (const old of [done[CHECKPOINT_EVERY - 1], done[CHECKPOINT_EVERY - 2]]) {
      const replay = await answer(w, old.challengeId);
      expect(replay.result).toBe("ALREADY_RECORDED");
      expect(replay.checkpoint).toBeNull();
      expect(replay.next?.challengeId).toBe(current);
      const reply = JSON.parse((await answerFlowRequest(flowRequest(w.campaign.code, w.token, skipForm(w.campaign.code, old.challengeId).toString()))).body);
      expect(reply.show.path).toBe(`/campagnes/${w.campaign.code}/evaluation`);
      expect(reply.after).toBeUndefined();
      expect(await plainPost(w, skipForm(w.campaign.code, old.challengeId).toString())).toEqual({ status: 303, location: `/campagnes/${w.campaign.code}/evaluation` });
    }
    // The latest answer (the sixth) had no checkpoint: none either.
    expect((await answer(w, done.at(-1)!.challengeId)).checkpoint).toBeNull();
    expect(await answerCount(w)).toBe(CHECKPOINT_EVERY + 1);
  });

  it("the checkpoint's content not readable after the commit: the 503 to retry (within the answer's deadline), and the retry shows the checkpoint", async () => {
    // Cold memory: the tutorials of the checkpoint are read after the fifth answer's commit.
    const w = await world({ warm: false });
    const done = await answerUpTo(w, CHECKPOINT_EVERY - 1);
    const fifth = done.at(-1)!.outcome.next!.challengeId;
    // The answer's own content in memory (read before its transaction), as after the first answers of a test.
    await cachedChallengeSource(fifth);
    const sent = flowRequest(w.campaign.code, w.token, skipForm(w.campaign.code, fifth).toString());
    const startedAt = Date.now();
    // The connection the answer gives back after its commit goes to another client: the checkpoint's content finds none.
    const reply = await busyAfterTheCommit(() => answerFlowRequest(sent));
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(reply.status).toBe(503);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, message: BUSY_MESSAGE, retryAfterSeconds: 2 });
    expect(await answerCount(w)).toBe(CHECKPOINT_EVERY);
    // The script's retry: already recorded, and the checkpoint it missed, with the question after it.
    const retried = await answerFlowRequest(flowRequest(w.campaign.code, w.token, sent.body, { [ARRIVAL_HEADER]: reply.headers[ARRIVAL_HEADER] }));
    expect(retried.status).toBe(200);
    const body = JSON.parse(retried.body);
    expect(body.show.path).toBe(`/campagnes/${w.campaign.code}/checkpoint`);
    expect(body.after.path).toBe(`/campagnes/${w.campaign.code}/evaluation`);
    expect(await answerCount(w)).toBe(CHECKPOINT_EVERY);
  });

  it("without JavaScript, the same: the busy page after the commit, and « Renvoyer ma réponse » leads to the checkpoint", async () => {
    const w = await world({ warm: false });
    const done = await answerUpTo(w, CHECKPOINT_EVERY - 1);
    const fifth = done.at(-1)!.outcome.next!.challengeId;
    await cachedChallengeSource(fifth);
    const form = skipForm(w.campaign.code, fifth).toString();
    const refused = await busyAfterTheCommit(() => plainPost(w, form));
    expect(refused.status).toBe(503);
    expect(await answerCount(w)).toBe(CHECKPOINT_EVERY);
    expect(await plainPost(w, form)).toEqual({ status: 303, location: `/campagnes/${w.campaign.code}/checkpoint` });
    expect(await answerCount(w)).toBe(CHECKPOINT_EVERY);
  });

  it("the checkpoint the answer brings lists each skill's tutorials as the checkpoint page does, in the skill's own order", async () => {
    // The answer path reads a skill's tutorials in one statement (within the answer's deadline), the /checkpoint page
    // through Prisma: both must give the skill's lists in their authored order, whatever order the rows come in. Every
    // skill of the campaign gets three tutorials in an order that is neither the ids' nor the rows'.
    const w = await world({ warm: false });
    const { skills } = await engineContentOfCampaign(w.campaign.id);
    const three = (await db.tutorial.findMany({ where: { retiredAt: null }, select: { id: true }, orderBy: { id: "asc" }, take: 3 })).map((t) => t.id);
    expect(three).toHaveLength(3);
    const authored = { tutorialIds: [three[2], three[0], three[1]], learningMoreTutorialIds: [three[1], three[2], three[0]] };
    const before = await db.skill.findMany({ where: { id: { in: skills.map((s) => s.id) } }, select: { id: true, tutorialIds: true, learningMoreTutorialIds: true } });
    try {
      await db.skill.updateMany({ where: { id: { in: skills.map((s) => s.id) } }, data: authored });
      const done = await answerUpTo(w, CHECKPOINT_EVERY);
      const brought = done[CHECKPOINT_EVERY - 1].outcome.checkpoint!;
      expect(brought.items).toHaveLength(CHECKPOINT_EVERY);
      for (const item of brought.items) {
        // « Je passe »: not succeeded, so « Pour réussir la prochaine fois » is shown.
        expect(item.tutorials.map((t) => t.id)).toEqual(authored.tutorialIds);
        expect(item.learnMore.map((t) => t.id)).toEqual(authored.learningMoreTutorialIds);
      }
      const page = await checkpointView({ userId: w.pupil.id, campaignId: w.campaign.id });
      expect(page.items.map((i) => [i.tutorials.map((t) => t.id), i.learnMore.map((t) => t.id)])).toEqual(brought.items.map((i) => [i.tutorials.map((t) => t.id), i.learnMore.map((t) => t.id)]));
    } finally {
      for (const s of before) await db.skill.update({ where: { id: s.id }, data: { tutorialIds: s.tutorialIds, learningMoreTutorialIds: s.learningMoreTutorialIds } });
    }
  });
});
