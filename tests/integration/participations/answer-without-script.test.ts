import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { sessionCookieName, sessionSecret } from "@/lib/auth/session-token";
import { db, pgPool } from "@/lib/db/client";
import { TIMER_GRACE_SECONDS } from "@/lib/domain/participations/answer-outcome";
import { ARRIVAL_FIELD, arrivalProof, provenArrival } from "@/lib/server/arrival-proof";
import { startTimedChallenge } from "@/lib/use-cases/participations/answer-challenge";
import { openCampaign, pupilIn, skipToATimedQuestion } from "../support/answer-world";

const { POST } = await import("@/app/(app)/campagnes/[code]/evaluation/route");

/**
 * Issue 15: a pupil without JavaScript (a plain form post, no X-Pix-Flow) whose answer meets the database pool's own
 * deadline inside the route (BusyError). The question used to come back with an empty form under « votre réponse n'a
 * pas été perdue »: the answer was thrown away while the page said it was kept. Now the same page as the answer
 * gate's refusal: a form that re-posts the answer as it was sent, with its signed first arrival.
 */
const FORM = "application/x-www-form-urlencoded";

async function plainPost(code: string, token: string, body: string, origin = "http://localhost") {
  const headers = { "content-type": FORM, cookie: `${sessionCookieName()}=${token}`, origin, host: "localhost" };
  const response = await POST(new NextRequest(`http://localhost/campagnes/${code}/evaluation`, { method: "POST", body, headers }), { params: Promise.resolve({ code }) });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

/** Every connection of the pool taken (DATABASE_POOL_SIZE, 10 in the tests): the answer meets the queue deadline. */
async function withPoolFull<T>(run: () => Promise<T>): Promise<T> {
  const held = await Promise.all(Array.from({ length: 10 }, () => pgPool().connect()));
  try {
    return await run();
  } finally {
    for (const c of held) c.release();
  }
}

const decode = (text: string) =>
  text.replace(/&(#(\d+)|amp|lt|gt|quot);/g, (_, entity: string, dec?: string) => (dec ? String.fromCodePoint(Number(dec)) : ({ amp: "&", lt: "<", gt: ">", quot: '"' } as Record<string, string>)[entity]));
const hiddenFields = (html: string): [string, string][] => [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"\s*\/?>/g)].map((m) => [decode(m[1]), decode(m[2])]);

describe("a plain form post past capacity inside the route (no JavaScript)", () => {
  it("gets the page that keeps the answer (escaped), recording nothing; its form re-posted is recorded once", async () => {
    const campaign = await openCampaign({ name: "Sans script", warm: true });
    const { pupil, token, first } = await pupilIn(campaign);
    const answer = new URLSearchParams([
      ["code", campaign.code],
      ["challengeId", first],
      ["kind", "fields"],
      ["timedOut", "0"],
      ["field:reponse", `"><script>alert(1)</script>`],
      ["intent", "skip"],
    ]);
    const before = Date.now();
    const refused = await withPoolFull(() => plainPost(campaign.code, token, answer.toString()));
    expect(refused.status).toBe(503);
    expect(refused.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(refused.headers["cache-control"]).toContain("no-store");
    expect(refused.headers["retry-after"]).toBe("2");
    expect(refused.body).toMatch(/<html lang="fr">/);
    expect(refused.body).toMatch(/<p role="alert"[^>]*>[^<]*votre réponse n'a pas été perdue/);
    expect(refused.body).not.toContain("<script");
    expect(refused.body).toContain(`<form method="post" action="/campagnes/${campaign.code}/evaluation">`);
    expect(refused.body).toMatch(/<button type="submit"[^>]*>Renvoyer ma réponse<\/button>/);
    const fields = hiddenFields(refused.body);
    expect(fields.slice(0, -1)).toEqual([...answer.entries()]);
    expect(fields.at(-1)![0]).toBe(ARRIVAL_FIELD);
    const arrivedAt = provenArrival(sessionSecret(), fields.at(-1)![1], { campaignCode: campaign.code, sessionToken: token, form: answer }, Date.now())!;
    expect(arrivedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(0);

    // « Renvoyer ma réponse »: the page's form as the browser sends it.
    const again = await plainPost(campaign.code, token, new URLSearchParams(fields).toString());
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe(`/campagnes/${campaign.code}/evaluation`);
    expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(1);
    // Sent twice (a double click, a reload): still once.
    expect((await plainPost(campaign.code, token, new URLSearchParams(fields).toString())).status).toBe(303);
    expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(1);
  });

  it("a post whose origin is « null » (a sandboxed frame of another site): the page, without the form to post", async () => {
    const campaign = await openCampaign({ name: "Origine nulle", warm: true });
    const { token, first } = await pupilIn(campaign);
    const refused = await withPoolFull(() => plainPost(campaign.code, token, new URLSearchParams({ code: campaign.code, challengeId: first, kind: "choices", choice: "2", intent: "answer" }).toString(), "null"));
    expect(refused.status).toBe(503);
    expect(refused.body).not.toContain("<form");
    expect(refused.body).toContain("votre réponse n'a pas pu être gardée");
  });

  it("a timed answer re-posted from the page is measured up to its first arrival; a forged field is ignored", async () => {
    const setup = async () => {
      const campaign = await openCampaign({ name: "Chrono sans script" });
      const { pupil, token } = await pupilIn(campaign);
      const { challengeId, timer } = await skipToATimedQuestion(pupil.id, campaign.id);
      // « Commencer » long enough ago that an answer arriving now is past the timer and its grace.
      const askedAt = Date.now() - (timer + TIMER_GRACE_SECONDS + 12) * 1000;
      await startTimedChallenge({ userId: pupil.id, campaignId: campaign.id, challengeId, now: new Date(askedAt) });
      const form = new URLSearchParams({ code: campaign.code, challengeId, kind: "fields", timedOut: "0", intent: "skip" });
      const result = () => db.answer.findFirstOrThrow({ where: { challengeId, assessment: { userId: pupil.id } }, select: { result: true, timeSpent: true } });
      return { code: campaign.code, token, timer, askedAt, form, result };
    };
    const inTime = await setup();
    const firstArrival = inTime.askedAt + (inTime.timer - 1) * 1000;
    const proof = arrivalProof(sessionSecret(), { campaignCode: inTime.code, sessionToken: inTime.token, form: inTime.form }, firstArrival);
    const withProof = new URLSearchParams([...inTime.form, [ARRIVAL_FIELD, proof]]);
    expect((await plainPost(inTime.code, inTime.token, withProof.toString())).status).toBe(303);
    expect(await inTime.result()).toEqual({ result: "ABAND", timeSpent: inTime.timer - 1 });

    const forged = await setup();
    const forgedProof = arrivalProof("pas le secret de l'application", { campaignCode: forged.code, sessionToken: forged.token, form: forged.form }, forged.askedAt + 2_000);
    expect((await plainPost(forged.code, forged.token, new URLSearchParams([...forged.form, [ARRIVAL_FIELD, forgedProof]]).toString())).status).toBe(303);
    expect((await forged.result()).result).toBe("TIMEDOUT");
  });
});
