import type { NextRequest } from "next/server";
import { scriptScreen } from "@/lib/pupil-flow/flow-screen";
import { questionDocument } from "@/lib/pupil-flow/question-document";
import { answerAsForm, answerForScript, showQuestionPage, startTimer, startTimerForScript, type Cookies, type FlowOutcome, type PageOutcome } from "@/lib/pupil-flow/question-page";
import { readUrlEncodedForm } from "@/lib/pupil-flow/read-form";
import { sessionCookieName, sessionSecret } from "@/lib/auth/session-token";
import { ARRIVAL_HEADER, arrivalProof, provenArrival, type ArrivalBinding } from "@/lib/server/arrival-proof";

/**
 * The question page as a route handler (ADR 0017): HTML rendered on the server, no Next client runtime, one small
 * script. GET shows the current question. The form posts back here: without JavaScript it is answered then
 * redirected (303); the page's script sends it with the header `X-Pix-Flow: 1` and gets the next screen as JSON.
 * A POST from another site is refused by proxy.ts (403), and the session cookie is SameSite=Lax.
 */
export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "private, no-store" };
/** The script's header: a cross-site form cannot send it (it would need a CORS preflight, which we never allow). */
const FLOW_HEADER = "x-pix-flow";

const cookiesOf = (request: NextRequest): Cookies => Object.fromEntries(request.cookies.getAll().map((c) => [c.name, c.value]));

function reply(request: NextRequest, code: string, outcome: PageOutcome, isPost: boolean): Response {
  // After a POST, 303: the browser loads the next page with GET (a reload never posts the answer again).
  if (outcome.kind === "redirect") return new Response(null, { status: isPost ? 303 : 307, headers: { ...NO_STORE, location: outcome.to } });
  if (outcome.kind === "not-found") return new Response("Page introuvable.", { status: 404, headers: { ...NO_STORE, "content-type": "text/plain; charset=utf-8" } });
  // `?signalement=` after « Signaler un problème » sent without JavaScript (app/api/signalements/route.ts).
  const reportStatus = isPost ? null : request.nextUrl.searchParams.get("signalement");
  const html = questionDocument({ userName: outcome.userName, screen: outcome.screen, message: outcome.message, nonce: request.headers.get("x-nonce") ?? "", path: `/campagnes/${code}/evaluation`, reportStatus });
  const headers: Record<string, string> = { ...NO_STORE, "content-type": "text/html; charset=utf-8" };
  if (outcome.status === 503) headers["retry-after"] = "2";
  return new Response(html, { status: outcome.status, headers });
}

/** `arrival`: the proof a refusal carries (the answer's first arrival), for the script's retry to send back. */
function json(outcome: FlowOutcome, arrival: () => string): Response {
  const { show, after, goTo, message, retryAfterSeconds } = outcome;
  const body = { ok: Boolean(show || goTo), show: show && scriptScreen(show), after: after && scriptScreen(after), goTo, message, retryAfterSeconds };
  const headers: Record<string, string> = { ...NO_STORE };
  if (retryAfterSeconds !== undefined) Object.assign(headers, { "retry-after": String(retryAfterSeconds), [ARRIVAL_HEADER]: arrival() });
  return Response.json(body, { status: outcome.status, headers });
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Next's client router asks for an RSC payload (after « C'est parti ! » redirects here, or a prefetch): this page has
  // none. An empty answer makes the router load the page as a document, without rendering it (and reading the database) twice.
  if (request.headers.get("rsc") === "1") return new Response(null, { status: 204, headers: NO_STORE });
  return reply(request, code, await showQuestionPage({ code, cookies: cookiesOf(request) }), false);
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const receivedAt = Date.now();
  const { code } = await params;
  const form = await readUrlEncodedForm(request);
  if (!form) return new Response("Le formulaire envoyé est incomplet ou invalide : rechargez la page et réessayez.", { status: 400, headers: { ...NO_STORE, "content-type": "text/plain; charset=utf-8" } });
  const cookies = cookiesOf(request);
  const isStart = form.get("intent") === "start-timer";
  if (request.headers.get(FLOW_HEADER) === "1") {
    // A retry after « Trop de monde » measures a timed answer from its proven first arrival (lib/server/arrival-proof.ts).
    const binding: ArrivalBinding = { campaignCode: code, sessionToken: cookies[sessionCookieName()] ?? "", form };
    const arrivedAt = provenArrival(sessionSecret(), request.headers.get(ARRIVAL_HEADER), binding, receivedAt);
    const outcome = await (isStart ? startTimerForScript({ cookies, form }) : answerForScript({ cookies, form, arrivedAt }));
    return json(outcome, () => arrivalProof(sessionSecret(), binding, arrivedAt?.getTime() ?? receivedAt));
  }
  // Without JavaScript a refused answer is posted again by hand as a new form (503 page below): it carries no proof of
  // its first arrival, the browser has nowhere to keep one; a timed answer is then measured on its later arrival.
  const outcome = isStart ? await startTimer({ cookies, form }) : await answerAsForm({ code, cookies, form });
  return reply(request, code, outcome, true);
}
