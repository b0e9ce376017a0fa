import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db/client";
import { roundTrips } from "@/lib/db/prisma-factory";
import { STATE_CALL, SUBMIT_CALL } from "@/lib/db/repositories/answer-transaction";
import { sessionCookieName, sessionSecret } from "@/lib/auth/session-token";
import { BUSY_MESSAGE } from "@/lib/domain/shared/errors";
import { answerFlowRequest } from "@/lib/pupil-flow/flow-request";
import { ARRIVAL_HEADER, provenArrival } from "@/lib/server/arrival-proof";
import { flowRequest as request, openCampaign as openWarmCampaign, pupilIn, skipForm } from "../support/answer-world";

const { POST } = await import("@/app/(app)/campagnes/[code]/evaluation/route");

/**
 * The script's answer as a framework-free function (lib/pupil-flow/flow-request.ts, ADR 0018), on the real database:
 * what scripts/server.ts serves without Next.js and what the route handler serves when the fast path is off. The
 * same requests through both servers of the production build: tests/matrix/answer-fast-path.test.ts.
 */
const skipBody = (code: string, challengeId: string) => skipForm(code, challengeId).toString();
const openCampaign = () => openWarmCampaign({ name: "Rapide", warm: true });
const FORM = "application/x-www-form-urlencoded";

/** The same request through the route handler (the fast path off): what Next.js's copy answers. */
async function throughRoute(code: string, token: string | null, body: string, contentType = FORM) {
  const headers: Record<string, string> = { "content-type": contentType, "x-pix-flow": "1" };
  if (token) headers.cookie = `${sessionCookieName()}=${token}`;
  const response = await POST(new NextRequest(`http://localhost/campagnes/${code}/evaluation`, { method: "POST", body, headers }), { params: Promise.resolve({ code }) });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

describe("the script's answer, framework-free (ADR 0018)", () => {
  it("answers with one read and one writing call, the next screen as JSON; the replay gives the same body and records nothing more", async () => {
    const { id: campaignId, code } = await openCampaign();
    const { pupil, token, first } = await pupilIn({ id: campaignId, code });
    roundTrips.log = [];
    let reply;
    try {
      reply = await answerFlowRequest(request(code, token, skipBody(code, first)));
    } finally {
      // A first answer: the read, then the writes in one call (ADR 0013, amendments « 07/12 (5) » and « 07/12 (8) »).
      expect(roundTrips.log).toEqual([STATE_CALL, SUBMIT_CALL]);
      roundTrips.log = null;
    }
    expect(reply.status).toBe(200);
    expect(reply.headers).toEqual({ "cache-control": "private, no-store", "content-type": "application/json" });
    const json = JSON.parse(reply.body);
    expect(json.ok).toBe(true);
    expect(json.show.path).toBe(`/campagnes/${code}/evaluation`);
    // The page's reply lost, the script sends the same answer again: the same screen, still one answer.
    const replay = await answerFlowRequest(request(code, token, skipBody(code, first)));
    expect(replay).toEqual(reply);
    // And the route handler (the fast path off) answers that request with the same status, headers and body.
    const routed = await throughRoute(code, token, skipBody(code, first));
    expect(routed).toEqual({ status: 200, headers: reply.headers, body: reply.body });
    expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(1);
  });

  it("refuses a form that is not ours with the French 400, like the route, and records nothing", async () => {
    const { id: campaignId, code } = await openCampaign();
    const { pupil, token, first } = await pupilIn({ id: campaignId, code });
    const message = "Le formulaire envoyé est incomplet ou invalide : rechargez la page et réessayez.";
    const asJson = await answerFlowRequest(request(code, token, skipBody(code, first), { "content-type": "application/json" }));
    expect(asJson).toEqual({ status: 400, headers: { "cache-control": "private, no-store", "content-type": "text/plain; charset=utf-8" }, body: message });
    expect(await throughRoute(code, token, skipBody(code, first), "application/json")).toMatchObject({ status: 400, body: message });
    // Not read (announced over 64 KB) or over 64 KB once read.
    expect((await answerFlowRequest(request(code, token, null))).status).toBe(400);
    expect((await answerFlowRequest(request(code, token, `${skipBody(code, first)}&x=${"a".repeat(70_000)}`))).status).toBe(400);
    expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(0);
  });

  it("sends a signed-out pupil, an unknown code and another pupil's campaign elsewhere, recording nothing", async () => {
    const { id: campaignId, code } = await openCampaign();
    const { pupil, first } = await pupilIn({ id: campaignId, code });
    const other = await openCampaign();
    const stranger = await pupilIn(other);
    const signedOut = await answerFlowRequest(request(code, null, skipBody(code, first)));
    expect(JSON.parse(signedOut.body)).toEqual({ ok: true, goTo: `/connexion?retour=${encodeURIComponent(`/campagnes/${code}`)}` });
    const unknown = await answerFlowRequest(request("ZZZZZZ999", stranger.token, skipBody("ZZZZZZ999", first)));
    const strangers = await answerFlowRequest(request(code, stranger.token, skipBody(code, first)));
    for (const reply of [unknown, strangers]) {
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body).show).toBeUndefined();
    }
    expect(await throughRoute(code, stranger.token, skipBody(code, first))).toMatchObject({ status: strangers.status, body: strangers.body });
    expect(await db.answer.count({ where: { assessment: { userId: { in: [pupil.id, stranger.pupil.id] } } } })).toBe(0);
  });

  it("past capacity: 503, Retry-After and a proof of this answer's arrival; the retry with it is recorded once", async () => {
    const { id: campaignId, code } = await openCampaign();
    const { pupil, token, first } = await pupilIn({ id: campaignId, code });
    const body = skipBody(code, first);
    const held = await Promise.all(Array.from({ length: 10 }, () => pgPool().connect()));
    let refused;
    const sent = request(code, token, body);
    try {
      refused = await answerFlowRequest(sent);
    } finally {
      for (const c of held) c.release();
    }
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("2");
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, message: BUSY_MESSAGE, retryAfterSeconds: 2 });
    const proof = refused.headers[ARRIVAL_HEADER];
    const binding = { campaignCode: code, sessionToken: token, form: new URLSearchParams(body) };
    expect(provenArrival(sessionSecret(), proof, binding, Date.now())?.getTime()).toBe(sent.receivedAt);
    expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(0);
    const retried = await answerFlowRequest(request(code, token, body, { [ARRIVAL_HEADER]: proof }));
    expect(retried.status).toBe(200);
    expect(await db.answer.count({ where: { assessment: { userId: pupil.id } } })).toBe(1);
  });
});
