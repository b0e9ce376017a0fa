import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import type pg from "pg";
import { db, pgPool } from "@/lib/db/client";
import { findAssessmentOfPupil, USER_ANSWER_LOCK_NAMESPACE } from "@/lib/db/repositories/assessment-repository";
import { sessionCookieName } from "@/lib/auth/session-token";
import { answerAsForm, showQuestionPage } from "@/lib/pupil-flow/question-page";
import { answerChallenge, currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { openCampaign, pupilIn } from "../support/answer-world";

const { GET } = await import("@/app/(app)/campagnes/[code]/evaluation/route");

/**
 * review15e (issue 15): a BusyError is a DomainError. Where the question page caught « any DomainError » to send the
 * pupil back to the campaign's landing page (a stale form, no participation), it also caught « too busy »: the
 * landing page sends a started participation straight back to the question page, so a GET of the question page
 * while the end of the test waited on the pupil's answer lock (ADR 0013 « 07/12 (17) ») bounced between the two
 * addresses until the browser gave up (ERR_TOO_MANY_REDIRECTS). Busy must be said as busy (503, French, retried), never turned into a redirect.
 */

/** Another session holding the pupil's answer lock in an open transaction, until `release`. */
async function holdAnswerLock(userId: number): Promise<{ release: () => Promise<void> }> {
  const other: pg.PoolClient = await pgPool().connect();
  await other.query("BEGIN");
  await other.query("SELECT pg_advisory_xact_lock($1::int, $2::int)", [USER_ANSWER_LOCK_NAMESPACE, userId]);
  return {
    release: async () => {
      await other.query("ROLLBACK").catch(() => undefined);
      other.release();
    },
  };
}

/** A pupil whose test has nothing left to ask but is not ended yet (its end is decided when the page is shown). */
async function pupilAtTheEnd(campaign: { id: number; code: string }) {
  const world = await pupilIn(campaign);
  for (let i = 0; i < 60; i++) {
    const q = await currentQuestion({ userId: world.pupil.id, campaignId: campaign.id });
    if (q.kind === "completed") break;
    await answerChallenge({ userId: world.pupil.id, campaignId: campaign.id, challengeId: q.challengeId, answer: null });
  }
  const assessment = (await findAssessmentOfPupil(campaign.id, world.pupil.id))!;
  // As after a restart: started, no current question, nothing left to ask.
  await db.assessment.update({ where: { id: assessment.id }, data: { state: "STARTED", currentChallengeId: null } });
  return { ...world, assessmentId: assessment.id };
}

describe("the question page past capacity is « busy », never a redirect (review15e)", () => {
  it("a GET while the end of the test waits on the pupil's lock: busy (no redirect loop through the landing page), then the results", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, cookies, assessmentId } = await pupilAtTheEnd(campaign);
    const lock = await holdAnswerLock(pupil.id);
    let shown;
    try {
      shown = await showQuestionPage({ code: campaign.code, cookies });
    } finally {
      await lock.release();
    }
    expect(shown).toEqual({ kind: "busy", retryAfterSeconds: 2 });
    expect(await db.assessment.findUniqueOrThrow({ where: { id: assessmentId }, select: { state: true } })).toEqual({ state: "STARTED" });
    // The lock free, the same page ends the test.
    expect(await showQuestionPage({ code: campaign.code, cookies })).toEqual({ kind: "redirect", to: `/campagnes/${campaign.code}/resultats` });
  });

  it("an answer refused for its content, whose question cannot be shown for now: busy, not a redirect", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, cookies } = await pupilAtTheEnd(campaign);
    const lock = await holdAnswerLock(pupil.id);
    let outcome;
    try {
      // An empty answer (« Je valide » with nothing): refused with a message, then the question is shown again.
      outcome = await answerAsForm({ code: campaign.code, cookies, form: new URLSearchParams({ code: campaign.code, challengeId: "x", kind: "fields" }) });
    } finally {
      await lock.release();
    }
    expect(outcome).toEqual({ kind: "busy", retryAfterSeconds: 2 });
  });

  it("the route: a GET answered 503 with the French page and a link to load it again, no redirect", async () => {
    const campaign = await openCampaign({ warm: true });
    const { pupil, token } = await pupilAtTheEnd(campaign);
    const lock = await holdAnswerLock(pupil.id);
    let response: Response;
    try {
      const request = new NextRequest(`http://localhost/campagnes/${campaign.code}/evaluation`, { headers: { cookie: `${sessionCookieName()}=${token}` } });
      response = await GET(request, { params: Promise.resolve({ code: campaign.code }) });
    } finally {
      await lock.release();
    }
    expect(response.status).toBe(503);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("retry-after")).toBe("2");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain("la question n'a pas pu être affichée");
    expect(html).toContain(`href="/campagnes/${campaign.code}/evaluation"`);
  });
});
