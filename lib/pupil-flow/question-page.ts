import "server-only";
import { sessionFromToken } from "../auth/session-check";
import { readSessionToken, sessionCookieName } from "../auth/session-token";
import { runAction } from "../actions/run-action";
import { normalizeCampaignCode } from "../domain/campaigns/campaign-code";
import { BUSY_MESSAGE, BusyError, DomainError } from "../domain/shared/errors";
import { findPupilDisplayName } from "../db/queries/orga-context";
import { answerChallengeSource, cachedChallengeSource } from "../db/repositories/content-memory";
import { answerAndContinue, type AnswerAndContinue, type CheckpointData, type NextQuestion } from "../use-cases/participations/answer-and-continue";
import { currentQuestion, startTimedChallenge } from "../use-cases/participations/answer-challenge";
import { campaignForLanding } from "../use-cases/participations/pupil-campaign";
import { answerFrom, codeOf, EMPTY_ANSWER_MESSAGE, isEmptyAnswer, type FlowForm } from "./answer-form";

/**
 * The question page as a route handler (ADR 0017): what `app/(app)/campagnes/[code]/evaluation/route.ts` shows or does,
 * decided here from the raw request (its session cookie, its form); the route only turns outcomes into responses. Same rules
 * as the App Router pages: the session is checked against the database (version, revocation, one-time password),
 * a pupil only ever reaches their own participation, an unknown code goes back to the landing page.
 */

export type Cookies = Partial<Record<string, string>>;
type Campaign = { code: string; name: string; title: string | null };
/** A question to show; dates as epoch milliseconds (the page's props are JSON). */
export type QuestionScreen = { kind: "question"; campaign: Campaign; question: { challengeId: string; answersCount: number; isTimerStarted: boolean; askedAt: number | null; optionSeed: string }; source: unknown };
export type CheckpointScreen = { kind: "checkpoint"; code: string; view: CheckpointData };

export type PageOutcome = { kind: "redirect"; to: string } | { kind: "not-found" } | { kind: "page"; userName: string | null; screen: QuestionScreen; message: string | null; status: number };

/** The reply to the page's script (public/scripts/answer-flow.js): the screen to show now, as the page would render it. */
export type FlowOutcome = { kind: "reply"; status: number; show?: QuestionScreen | CheckpointScreen; after?: QuestionScreen; goTo?: string; message?: string; retryAfterSeconds?: number };

/** Same as lib/auth/session.ts, which reads next/headers (App Router only). */
const PASSWORD_CHANGE_PATH = "/changer-mot-de-passe";
const landingPath = (code: string) => `/campagnes/${encodeURIComponent(normalizeCampaignCode(code))}`;
// The code comes from the address: encoded, so that no character breaks the Location header or adds a parameter.
const signInPath = (code: string) => `/connexion?retour=${encodeURIComponent(landingPath(code))}`;

/** GET: the current question (or the warning before a timed one), or where to go instead. */
export async function showQuestionPage(input: { code: string; cookies: Cookies; message?: string | null; status?: number; withoutUser?: boolean }): Promise<PageOutcome | BusyOutcome> {
  const session = await sessionFromToken(input.cookies[sessionCookieName()], new Date());
  if (session === null) return { kind: "redirect", to: signInPath(input.code) };
  if (session.mustChangePassword) return { kind: "redirect", to: `${PASSWORD_CHANGE_PATH}?retour=${encodeURIComponent(`/campagnes/${input.code}/evaluation`)}` };
  const campaign = await campaignForLanding(input.code);
  // Unknown code or no participation of this pupil: both back to the landing page, where codes are looked up under limits.
  if (!campaign) return { kind: "redirect", to: landingPath(input.code) };
  let question;
  try {
    question = await currentQuestion({ userId: session.userId, campaignId: campaign.id });
  } catch (error) {
    // Busy (the end of the test waited on the pupil's answer lock, ADR 0013 « 07/12 (17) »): said as busy, never sent
    // to the landing page — a BusyError is a DomainError, and the landing page sends a started test straight back here
    // (a redirect loop until the browser gives up, review15e).
    if (error instanceof BusyError) return { kind: "busy", retryAfterSeconds: error.retryAfterSeconds };
    if (error instanceof DomainError) return { kind: "redirect", to: `/campagnes/${campaign.code}` };
    throw error;
  }
  if (question.kind === "completed") return { kind: "redirect", to: `/campagnes/${campaign.code}/resultats` };
  const screen = await questionScreen(campaign, { ...question, askedAt: question.askedAt ?? null });
  if (!screen) return { kind: "not-found" };
  // The header's name: not for a screen that the page's script swaps in (the header is already there).
  const user = input.withoutUser ? null : await findPupilDisplayName(session.userId);
  return { kind: "page", userName: user ? `${user.firstName} ${user.lastName}` : null, screen, message: input.message ?? null, status: input.status ?? 200 };
}

/** « Commencer » before a timed question: the timer starts on the server, then the page shows the question. */
export async function startTimer(input: { cookies: Cookies; form: FlowForm }): Promise<PageOutcome> {
  const code = codeOf(input.form);
  const session = await sessionFromToken(input.cookies[sessionCookieName()], new Date());
  if (session === null) return { kind: "redirect", to: signInPath(code) };
  if (session.mustChangePassword) return { kind: "redirect", to: PASSWORD_CHANGE_PATH };
  const campaign = await campaignForLanding(code);
  try {
    if (campaign) await startTimedChallenge({ userId: session.userId, campaignId: campaign.id, challengeId: String(input.form.get("challengeId") ?? "") });
  } catch (error) {
    // A stale form (a second click, another tab moved on): the page shows the current question instead of an error.
    if (!(error instanceof DomainError)) throw error;
  }
  return { kind: "redirect", to: `/campagnes/${code}/evaluation` };
}

/** « Commencer » sent by the page's script: the timer starts, the reply carries the question with its countdown. */
export async function startTimerForScript(input: { cookies: Cookies; form: FlowForm }): Promise<FlowOutcome> {
  const started = await startTimer(input);
  if (started.kind !== "redirect" || !started.to.endsWith("/evaluation")) return { kind: "reply", status: 200, goTo: started.kind === "redirect" ? started.to : "/" };
  const code = codeOf(input.form);
  const shown = await showQuestionPage({ code, cookies: input.cookies, withoutUser: true });
  if (shown.kind === "busy") return { kind: "reply", status: 503, message: BUSY_MESSAGE, retryAfterSeconds: shown.retryAfterSeconds };
  if (shown.kind === "page") return { kind: "reply", status: 200, show: shown.screen };
  return { kind: "reply", status: 200, goTo: shown.kind === "redirect" ? shown.to : `/campagnes/${code}` };
}

type Answered = Extract<AnswerAndContinue, { kind: "answered" }>;
type Attempt = { kind: "answered"; done: Answered } | { kind: "go"; to: string } | { kind: "refused"; message: string; retryAfterSeconds?: number };

/** « Je valide » / « Je passe »: one request, one transaction (answer-and-continue.ts); never trusts the client's positions. */
async function attemptAnswer(input: { cookies: Cookies; form: FlowForm; arrivedAt?: Date | null }): Promise<Attempt> {
  const code = codeOf(input.form);
  // Decoded only: the transaction checks the session itself (answer-transaction.ts), one query instead of two.
  const claims = await readSessionToken(input.cookies[sessionCookieName()], new Date());
  if (!claims) return { kind: "go", to: signInPath(code) };
  const answer = answerFrom(input.form);
  const isTimeUp = input.form.get("timedOut") === "1";
  if (isEmptyAnswer(answer) && !isTimeUp) return { kind: "refused", message: EMPTY_ANSWER_MESSAGE };
  let outcome: AnswerAndContinue | null = null;
  let retryAfterSeconds: number | undefined;
  const result = await runAction(async () => {
    try {
      outcome = await answerAndContinue({ claims, code, challengeId: String(input.form.get("challengeId") ?? ""), answer: isEmptyAnswer(answer) ? null : answer, isTimeUp, arrivedAt: input.arrivedAt });
    } catch (error) {
      if (error instanceof BusyError) retryAfterSeconds = error.retryAfterSeconds;
      throw error;
    }
    return { ok: true };
  });
  const done = outcome as AnswerAndContinue | null;
  if (!done) return { kind: "refused", message: result.message ?? "", retryAfterSeconds };
  if (done.kind === "signed-out") return { kind: "go", to: signInPath(code) };
  if (done.kind === "must-change-password") return { kind: "go", to: PASSWORD_CHANGE_PATH };
  return { kind: "answered", done };
}

/**
 * Past capacity, a plain form post: nothing was recorded. The route answers with the page that keeps the answer and
 * posts it again (lib/pupil-flow/busy-page.ts), not with the question: re-shown, its form would be empty (the
 * pupil's answer thrown away under « n'a pas été perdue »), and reading it needs the very pool that just refused.
 */
export type BusyOutcome = { kind: "busy"; retryAfterSeconds: number };

/**
 * A plain form post (no JavaScript): answered, then redirected to the page to show (post/redirect/get).
 * `arrivedAt`: the answer's first arrival, proven by the field the page of a refusal posts back (route.ts).
 */
export async function answerAsForm(input: { code: string; cookies: Cookies; form: FlowForm; arrivedAt?: Date | null }): Promise<PageOutcome | BusyOutcome> {
  const attempt = await attemptAnswer(input);
  if (attempt.kind === "go") return { kind: "redirect", to: attempt.to };
  if (attempt.kind === "refused") {
    if (attempt.retryAfterSeconds !== undefined) return { kind: "busy", retryAfterSeconds: attempt.retryAfterSeconds };
    // The same question again, saying why (an empty answer: nothing to keep).
    return showQuestionPage({ code: input.code, cookies: input.cookies, message: attempt.message });
  }
  const { done } = attempt;
  const base = `/campagnes/${done.campaign.code}`;
  if (done.checkpoint) return { kind: "redirect", to: done.checkpoint.completed ? `${base}/checkpoint?fin=1` : `${base}/checkpoint` };
  return { kind: "redirect", to: done.next ? `${base}/evaluation` : `${base}/resultats` };
}

/** The page's script posted the form: the reply carries the next screen(s), the layout is not rendered again. */
/** `arrivedAt`: this answer's first arrival, proven by the refusal the script retries after (route.ts). */
export async function answerForScript(input: { cookies: Cookies; form: FlowForm; arrivedAt?: Date | null }): Promise<FlowOutcome> {
  const attempt = await attemptAnswer(input);
  if (attempt.kind === "go") return { kind: "reply", status: 200, goTo: attempt.to };
  if (attempt.kind === "refused") return { kind: "reply", status: attempt.retryAfterSeconds === undefined ? 200 : 503, message: attempt.message, retryAfterSeconds: attempt.retryAfterSeconds };
  const { done } = attempt;
  let next: QuestionScreen | null;
  try {
    next = done.next ? await questionScreen(done.campaign, { ...done.next, askedAt: done.next.askedAt }, answerChallengeSource) : null;
  } catch (error) {
    // Recorded, but the next question's text was not read in time: the script sends the answer again (then « already
    // recorded », nothing more is written) and gets the question.
    if (error instanceof BusyError) return { kind: "reply", status: 503, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
  if (done.checkpoint) return { kind: "reply", status: 200, show: { kind: "checkpoint", code: done.campaign.code, view: done.checkpoint }, after: next ?? undefined };
  if (next) return { kind: "reply", status: 200, show: next };
  return { kind: "reply", status: 200, goTo: `/campagnes/${done.campaign.code}/resultats` };
}

async function questionScreen(campaign: Campaign, question: Omit<NextQuestion, "askedAt"> & { askedAt: Date | null }, readSource: (challengeId: string) => ReturnType<typeof cachedChallengeSource> = cachedChallengeSource): Promise<QuestionScreen | null> {
  const source = await readSource(question.challengeId);
  if (!source) return null;
  return {
    kind: "question",
    campaign: { code: campaign.code, name: campaign.name, title: campaign.title },
    question: { challengeId: question.challengeId, answersCount: question.answersCount, isTimerStarted: question.isTimerStarted, optionSeed: question.optionSeed, askedAt: question.askedAt?.getTime() ?? null },
    source: source.content,
  };
}
