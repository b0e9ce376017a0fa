import type { NextRequest } from "next/server";
import { sessionCookieName, sessionSecret } from "@/lib/auth/session-token";
import { isSameOriginPost } from "@/lib/domain/requests/cross-origin-post";
import { busyPage, busyPageHeaders, busyShowPage } from "@/lib/pupil-flow/busy-page";
import { answerFlowRequest, FLOW_HEADER, NO_STORE } from "@/lib/pupil-flow/flow-request";
import { questionDocument } from "@/lib/pupil-flow/question-document";
import { answerAsForm, showQuestionPage, startTimer, type Cookies, type PageOutcome } from "@/lib/pupil-flow/question-page";
import { formFromText, INVALID_FORM_MESSAGE, readFormText } from "@/lib/pupil-flow/read-form";
import { rootStylesheets } from "@/lib/pupil-flow/stylesheets";
import { arrivalProof, provenArrival, takeArrivalField } from "@/lib/server/arrival-proof";

/**
 * The question page as a route handler (ADR 0017): HTML rendered on the server, no Next client runtime, one small
 * script. GET shows the current question. The form posts back here: without JavaScript it is answered then
 * redirected (303); the page's script sends it with the header `X-Pix-Flow: 1` and gets the next screen as JSON.
 * A POST from another site is refused by proxy.ts (403), and the session cookie is SameSite=Lax.
 * The script's POST is normally answered before Next.js by scripts/server.ts (ADR 0018, ANSWER_FAST_PATH); it comes
 * here when that path is off (`next dev`, ANSWER_FAST_PATH=0), through the same function (lib/pupil-flow/flow-request.ts).
 */
export const dynamic = "force-dynamic";

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

export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Next's client router asks for an RSC payload (after « C'est parti ! » redirects here, or a prefetch): this page has
  // none. An empty answer makes the router load the page as a document, without rendering it (and reading the database) twice.
  if (request.headers.get("rsc") === "1") return new Response(null, { status: 204, headers: NO_STORE });
  const outcome = await showQuestionPage({ code, cookies: cookiesOf(request) });
  // Past capacity: said so, with a link to load the page again (never a redirect: review15e).
  if (outcome.kind === "busy") {
    const html = busyShowPage({ action: `/campagnes/${encodeURIComponent(code)}/evaluation`, stylesheets: rootStylesheets() });
    return new Response(html, { status: 503, headers: { ...NO_STORE, ...busyPageHeaders(outcome.retryAfterSeconds) } });
  }
  return reply(request, code, outcome, false);
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const receivedAt = Date.now();
  const { code } = await params;
  const body = await readFormText(request);
  const cookies = cookiesOf(request);
  if (request.headers.get(FLOW_HEADER) === "1") {
    const flow = await answerFlowRequest({ code, header: (name) => request.headers.get(name), cookies, body, receivedAt });
    return new Response(flow.body, { status: flow.status, headers: flow.headers });
  }
  const posted = formFromText(request.headers.get("content-type"), body);
  if (!posted) return new Response(INVALID_FORM_MESSAGE, { status: 400, headers: { ...NO_STORE, "content-type": "text/plain; charset=utf-8" } });
  // Without JavaScript, an answer refused past capacity comes back from the page that kept it (lib/pupil-flow/busy-page.ts)
  // with the proof of its first arrival as a field: a timed answer is measured up to then (lib/server/arrival-proof.ts).
  const { form, proof } = takeArrivalField(posted);
  const binding = { campaignCode: code, sessionToken: cookies[sessionCookieName()] ?? "", form };
  const arrivedAt = provenArrival(sessionSecret(), proof, binding, receivedAt);
  const isStart = form.get("intent") === "start-timer";
  const outcome = isStart ? await startTimer({ cookies, form }) : await answerAsForm({ code, cookies, form, arrivedAt });
  if (outcome.kind === "busy") {
    // Nothing recorded: the page that keeps the answer, to post again as it was sent, with its first arrival.
    // Echoed only for a post that names our origin (lib/domain/requests/cross-origin-post.ts), as the answer gate does.
    const echo = isSameOriginPost({ origin: request.headers.get("origin"), host: request.headers.get("host"), forwardedHost: request.headers.get("x-forwarded-host") });
    const arrival = arrivalProof(sessionSecret(), binding, arrivedAt?.getTime() ?? receivedAt);
    const html = busyPage({ action: `/campagnes/${encodeURIComponent(code)}/evaluation`, form: echo ? form : null, arrival: echo ? arrival : null, stylesheets: rootStylesheets() });
    return new Response(html, { status: 503, headers: { ...NO_STORE, ...busyPageHeaders(outcome.retryAfterSeconds) } });
  }
  return reply(request, code, outcome, true);
}
