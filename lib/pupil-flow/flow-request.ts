import "server-only";
import { sessionCookieName, sessionSecret } from "../auth/session-token";
import { ARRIVAL_HEADER, arrivalProof, provenArrival, type ArrivalBinding } from "../server/arrival-proof";
import { scriptScreen } from "./flow-screen";
import { answerForScript, startTimerForScript, type Cookies, type FlowOutcome } from "./question-page";
import { formFromText, INVALID_FORM_MESSAGE } from "./read-form";

/**
 * The answer as the question page's script sends it (`POST /campagnes/CODE/evaluation` with `X-Pix-Flow: 1`: « Je
 * valide », « Je passe », « Commencer » before a timed question), framework-free: plain values in, status, headers
 * and body out. One implementation for the two ways it is served (docs/adr/0018-answer-outside-next.md): the route
 * handler (app/(app)/campagnes/[code]/evaluation/route.ts) when the fast path is off, and scripts/server.ts directly
 * (lib/server/answer-fast-path.ts), behind the request gate and the answer gate, without entering Next.js.
 * What Next adds to every response (proxy.ts, next.config.ts) is not added here: each caller has its own.
 */

/** The script's header: a cross-site form cannot send it (it would need a CORS preflight, which we never allow). */
export const FLOW_HEADER = "x-pix-flow";

export const NO_STORE = { "cache-control": "private, no-store" } as const;

export type FlowRequest = {
  /** The campaign code as written in the address (`/campagnes/CODE/evaluation`). */
  code: string;
  /** A request header by its lower-case name (`content-type`, `x-pix-arrival`). */
  header: (name: string) => string | null;
  cookies: Cookies;
  /** The url-encoded body as text; null when it was not read (announced over 64 KB, or unreadable). */
  body: string | null;
  /** When the request arrived (epoch ms): a timed answer is measured from here, or from its proven first arrival. */
  receivedAt: number;
};

export type FlowResponse = { status: number; headers: Record<string, string>; body: string };

const text = (status: number, message: string): FlowResponse => ({ status, headers: { ...NO_STORE, "content-type": "text/plain; charset=utf-8" }, body: message });

/** `arrival`: the proof a refusal carries (the answer's first arrival), for the script's retry to send back. */
function json(outcome: FlowOutcome, arrival: () => string): FlowResponse {
  const { show, after, goTo, message, retryAfterSeconds } = outcome;
  const body = { ok: Boolean(show || goTo), show: show && scriptScreen(show), after: after && scriptScreen(after), goTo, message, retryAfterSeconds };
  const headers: Record<string, string> = { ...NO_STORE, "content-type": "application/json" };
  if (retryAfterSeconds !== undefined) Object.assign(headers, { "retry-after": String(retryAfterSeconds), [ARRIVAL_HEADER]: arrival() });
  return { status: outcome.status, headers, body: JSON.stringify(body) };
}

export async function answerFlowRequest(request: FlowRequest): Promise<FlowResponse> {
  const form = formFromText(request.header("content-type"), request.body);
  if (!form) return text(400, INVALID_FORM_MESSAGE);
  const { cookies, code } = request;
  // A retry after « Trop de monde » measures a timed answer from its proven first arrival (lib/server/arrival-proof.ts).
  const binding: ArrivalBinding = { campaignCode: code, sessionToken: cookies[sessionCookieName()] ?? "", form };
  const arrivedAt = provenArrival(sessionSecret(), request.header(ARRIVAL_HEADER), binding, request.receivedAt);
  const outcome = await (form.get("intent") === "start-timer" ? startTimerForScript({ cookies, form }) : answerForScript({ cookies, form, arrivedAt }));
  return json(outcome, () => arrivalProof(sessionSecret(), binding, arrivedAt?.getTime() ?? request.receivedAt));
}
