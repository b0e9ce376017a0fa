import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { sessionCookieName, sessionSecret } from "@/lib/auth/session-token";
import { db } from "@/lib/db/client";
import { TIMER_GRACE_SECONDS } from "@/lib/domain/participations/answer-outcome";
import { ARRIVAL_HEADER, arrivalProof, gateArrivalProver } from "@/lib/server/arrival-proof";
import { startTimedChallenge } from "@/lib/use-cases/participations/answer-challenge";
import { openCampaign, pupilIn, skipToATimedQuestion } from "../support/answer-world";

const { POST } = await import("@/app/(app)/campagnes/[code]/evaluation/route");

/**
 * A timed answer refused past capacity (503) and sent again by the page's script later, through the question page's
 * route: the retry carries the refusal's proof of first arrival (X-Pix-Arrival, as the answer gate of scripts/server.ts
 * makes it from the raw body), and the server measures the time up to that arrival.
 */
async function pupilOnATimedQuestion() {
  const campaign = await openCampaign({ name: "Chrono" });
  const { pupil, token: session } = await pupilIn(campaign);
  const { challengeId, timer } = await skipToATimedQuestion(pupil.id, campaign.id);
  // « Commencer » long enough ago that an answer arriving now is past the timer and its grace.
  const askedAt = Date.now() - (timer + TIMER_GRACE_SECONDS + 12) * 1000;
  await startTimedChallenge({ userId: pupil.id, campaignId: campaign.id, challengeId, now: new Date(askedAt) });
  // « Je passe » on a timed question: « Pas de réponse » (ABAND) in time, « Temps dépassé » (TIMEDOUT) when late.
  const body = new URLSearchParams({ code: campaign.code, challengeId, timedOut: "0", intent: "skip" }).toString();
  return { code: campaign.code, challengeId, timer, askedAt, session, body, pupilId: pupil.id };
}

type Setup = Awaited<ReturnType<typeof pupilOnATimedQuestion>>;

/** What the gate would have given the refused request (same raw body, cookie and address). */
function gateProof(setup: Setup, arrivedAtMs: number, body = setup.body, key = sessionSecret()) {
  const prover = gateArrivalProver(key, sessionCookieName());
  const headers = { cookie: `${sessionCookieName()}=${setup.session}`, "content-type": "application/x-www-form-urlencoded" };
  return prover({ url: `/campagnes/${setup.code}/evaluation`, headers }, body, arrivedAtMs)!;
}

async function retry(setup: Setup, proof: string | null) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", "x-pix-flow": "1", cookie: `${sessionCookieName()}=${setup.session}` };
  if (proof) headers[ARRIVAL_HEADER] = proof;
  const request = new NextRequest(`http://localhost/campagnes/${setup.code}/evaluation`, { method: "POST", body: setup.body, headers });
  const response = await POST(request, { params: Promise.resolve({ code: setup.code }) });
  expect(response.status).toBe(200);
  const answer = await db.answer.findFirstOrThrow({ where: { challengeId: setup.challengeId, assessment: { userId: setup.pupilId } }, select: { result: true, timeSpent: true } });
  return answer;
}

describe("a timed answer refused by the answer gate keeps its first arrival", () => {
  it("without a proof, the retry arriving past the timer and its grace is late", async () => {
    const setup = await pupilOnATimedQuestion();
    expect((await retry(setup, null)).result).toBe("TIMEDOUT");
  });

  it("with the refusal's proof of a first arrival in time, it is on time (and its time is measured to then)", async () => {
    const setup = await pupilOnATimedQuestion();
    const firstArrival = setup.askedAt + (setup.timer - 1) * 1000;
    expect(await retry(setup, gateProof(setup, firstArrival))).toEqual({ result: "ABAND", timeSpent: setup.timer - 1 });
  });

  it("ignores a forged, expired, other-challenge or before-the-question proof: late", async () => {
    const forged = await pupilOnATimedQuestion();
    const inTime = forged.askedAt + 2_000;
    expect((await retry(forged, gateProof(forged, inTime, forged.body, "not the app's secret"))).result).toBe("TIMEDOUT");

    const expired = await pupilOnATimedQuestion();
    expect((await retry(expired, gateProof(expired, Date.now() - 91_000))).result).toBe("TIMEDOUT");

    const otherChallenge = await pupilOnATimedQuestion();
    const otherBody = otherChallenge.body.replace(`challengeId=${otherChallenge.challengeId}`, "challengeId=rec-autre");
    expect((await retry(otherChallenge, gateProof(otherChallenge, inTime, otherBody))).result).toBe("TIMEDOUT");

    // A proof from before « Commencer » (a refusal on the question before) cannot make this one early.
    const before = await pupilOnATimedQuestion();
    expect((await retry(before, gateProof(before, before.askedAt - 1_000))).result).toBe("TIMEDOUT");

    // Signed by the app for another campaign's address: not this answer's.
    const elsewhere = await pupilOnATimedQuestion();
    expect((await retry(elsewhere, arrivalProof(sessionSecret(), { campaignCode: "AUTRE1234", sessionToken: elsewhere.session, form: new URLSearchParams(elsewhere.body) }, elsewhere.askedAt + 2_000))).result).toBe("TIMEDOUT");
  });
});
