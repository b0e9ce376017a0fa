import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { deflate, gzip } from "node:zlib";
import Negotiator from "negotiator";
import { orgaRewritePath } from "../domain/navigation/orga-host";
import { parseCookieHeader } from "../domain/requests/cookie-header";
import { CROSS_ORIGIN_MESSAGE, isCrossOriginPagePost } from "../domain/requests/cross-origin-post";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS, strictTransportSecurity } from "../domain/requests/security-headers";
import { answerFlowRequest, FLOW_HEADER, type FlowResponse } from "../pupil-flow/flow-request";
import { MAX_FORM_BYTES } from "../pupil-flow/read-form";
import type { Cookies } from "../pupil-flow/question-page";

/**
 * The answer served by scripts/server.ts without entering Next.js (docs/adr/0018-answer-outside-next.md): the question
 * page's script posting an answer (`X-Pix-Flow: 1`), once through the request gate and the answer gate. Same function
 * as the route handler (lib/pupil-flow/flow-request.ts); what Next.js would add around it is added here: proxy.ts's
 * cross-origin refusal, CSP and HSTS, next.config.ts's headers. A request this path does not take goes on to Next.js.
 * Loaded outside Next.js (scripts/server-only-hook.mjs): a copy of the lib modules of its own, with its own pool.
 */
export type FastPathSettings = { appUrl: string; orgaUrl: string | undefined; isDevelopment: boolean };

/** The route's exact address: anything Next.js would first redirect or normalize (a trailing slash, an encoded
 * character, an absolute-form target) is left to it. */
const ANSWER_PAGE = /^\/campagnes\/([A-Za-z0-9]+)\/evaluation$/;

const header = (request: IncomingMessage, name: string): string | null => {
  const value = request.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
};

/** The script's answer, and nothing else: a plain-form POST (no JavaScript), a server action, a GET stay with Next.js. */
export function fastPathCode(request: IncomingMessage): string | null {
  if (request.method !== "POST" || header(request, FLOW_HEADER) !== "1" || request.headers["next-action"] !== undefined) return null;
  return ANSWER_PAGE.exec((request.url ?? "/").split("?")[0])?.[1] ?? null;
}

/** The Cookie header as Next.js reads it (request.cookies): lib/domain/requests/cookie-header.ts, the one rule. */
export function cookiesFromHeader(cookieHeader: string | null): Cookies {
  return Object.fromEntries(parseCookieHeader(cookieHeader));
}

/** The body (the gate waited for it to be complete), or null when it announces more than an answer can be (a 400). */
function readBody(request: IncomingMessage): Promise<string | null> {
  if (Number(request.headers["content-length"] ?? "0") > MAX_FORM_BYTES) return Promise.resolve(null);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_FORM_BYTES + 1) chunks.push(chunk);
    });
    request.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.once("error", () => resolve(null));
  });
}

/** next.config.ts's headers, on every response (built once: a fresh copy per response, which adds its own). */
const STATIC_HEADERS: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value])));
function staticHeaders(): Record<string, string> {
  return { ...STATIC_HEADERS };
}

/** What Next.js adds to a response of the route: next.config.ts's headers, then proxy.ts's CSP (a fresh nonce) and HSTS. */
export function routeHeaders(settings: FastPathSettings): Record<string, string> {
  const headers = staticHeaders();
  const nonce = randomBytes(18).toString("base64");
  headers["content-security-policy"] = contentSecurityPolicy({ nonce, isDevelopment: settings.isDevelopment, isHttps: settings.appUrl.startsWith("https://") });
  const hsts = strictTransportSecurity(settings.appUrl);
  if (hsts) headers["strict-transport-security"] = hsts;
  headers.vary = ROUTE_VARY;
  return headers;
}

/**
 * Next.js's own headers: the Vary it puts on every app route's response (the router's headers, and the compression's
 * on every response), and gzip when the client accepts it, as `next start` compresses (the next screen's markup is a
 * few KB, on a school's shared connection).
 */
const ROUTE_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";
const COMPRESS = { gzip: promisify(gzip), deflate: promisify(deflate) };

/** The coding `next start`'s compression picks (q-values weighed by negotiator; gzip over deflate when both are acceptable). */
export function contentCoding(request: Pick<IncomingMessage, "headers">): "gzip" | "deflate" | null {
  const negotiator = new Negotiator(request);
  let coding = negotiator.encoding(["gzip", "deflate", "identity"]);
  if (coding === "deflate" && negotiator.encoding(["gzip"])) coding = negotiator.encoding(["gzip", "identity"]);
  return coding === "gzip" || coding === "deflate" ? coding : null;
}

async function send(request: IncomingMessage, response: ServerResponse, around: Record<string, string>, flow: FlowResponse): Promise<void> {
  const headers: Record<string, string | number> = { ...around, ...flow.headers };
  let body = Buffer.from(flow.body, "utf8");
  const coding = contentCoding(request);
  if (coding) {
    body = await COMPRESS[coding](body);
    headers["content-encoding"] = coding;
  }
  headers["content-length"] = body.length;
  response.writeHead(flow.status, headers);
  response.end(body);
}

/**
 * Serves the request if it is the script's answer (true), or leaves it untouched for Next.js (false). Call it after
 * the answer gate; `code` from fastPathCode.
 */
export async function serveAnswerFast(request: IncomingMessage, response: ServerResponse, settings: FastPathSettings, code: string): Promise<boolean> {
  const receivedAt = Date.now();
  const pathname = (request.url ?? "/").split("?")[0];
  // The teacher's host (ORGA_URL) shows /orga/… under these addresses: what Next.js does with it, it keeps doing.
  if (orgaRewritePath(header(request, "host"), pathname, settings.orgaUrl)) return false;
  const sentFrom = { origin: header(request, "origin"), host: header(request, "host"), forwardedHost: header(request, "x-forwarded-host") };
  if (isCrossOriginPagePost({ method: "POST", pathname, ...sentFrom })) {
    // proxy.ts's refusal: before its CSP and HSTS, with next.config.ts's headers.
    await send(request, response, { ...staticHeaders(), vary: "Accept-Encoding" }, { status: 403, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }, body: CROSS_ORIGIN_MESSAGE });
    return true;
  }
  let flow: FlowResponse;
  try {
    const body = await readBody(request);
    flow = await answerFlowRequest({ code, header: (name) => header(request, name), cookies: cookiesFromHeader(header(request, "cookie")), body, receivedAt });
  } catch (error) {
    // What the route handler's failure gives in Next.js: a 500 that still carries the security headers.
    console.error(error);
    flow = { status: 500, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" }, body: UNEXPECTED_ERROR_MESSAGE };
  }
  await send(request, response, routeHeaders(settings), flow);
  return true;
}

const UNEXPECTED_ERROR_MESSAGE = "Une erreur inattendue est survenue. Réessayez dans un instant.\n";
