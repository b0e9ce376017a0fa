/**
 * Replays a recorded interaction for one pupil: the same requests (method, path, headers such as Next-Action
 * and Next-Router-State-Tree, body encoding) with the pupil's campaign code and current challenge in place of
 * the recorded ones, the question form rebuilt for the pupil's answer, `_rsc` recomputed as Next computes it,
 * and the pupil's cookies. Returns the responses and what the pupil sees at the end.
 */
import type http from "node:http";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { computeCacheBustingSearchParam, computeLegacyCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param";
import { BUSY_MESSAGE } from "../../lib/domain/shared/errors";
import { CookieJar, request, type HttpResponse } from "./http-client";
import { readPageState, type PageState } from "./page-state";
import type { RecordedBody, RecordedInteraction, RecordedRequest } from "./shape";

/** Recorded values and their replacements: campaign code, challenge, and for a login the origin and the login typed. */
/**
 * What a 503 shows the pupil. The answer gate's refusal is plain text (before Next.js), the answer's own (a pool
 * deadline) is JSON: pupil.ts counts the first as « refus de la porte » (HTTP 503), as the page's script tells them
 * apart. A gate refusal without the French message is not the gate's: its own error, so a run shows it.
 */
export function refusalState(response: HttpResponse): PageState {
  const atGate = String(response.headers["content-type"] ?? "").startsWith("text/plain");
  if (atGate && response.body.trim() !== BUSY_MESSAGE) return { kind: "error", message: "HTTP 503 sans le message « Trop de monde… »" };
  // The page's script waits on the server's Retry-After (public/scripts/answer-flow.js): so does the bench. It used
  // a 1 s hint whatever the header said (2 s at the gate), and so came back twice as early as a browser would.
  const retryAfterSeconds = Number(response.headers["retry-after"]) || 1;
  return { kind: "error", message: atGate ? "HTTP 503" : BUSY_MESSAGE, retryAfterSeconds };
}

export type Substitution = { code: string; challengeId: string | null; origin?: string; login?: string };

const ROUTER_HEADERS = ["next-router-prefetch", "next-router-segment-prefetch", "next-router-state-tree", "next-url"] as const;

function substitute(text: string, from: Substitution, to: Substitution): string {
  let result = from.code ? text.split(from.code).join(to.code) : text;
  if (from.origin && to.origin) result = result.split(from.origin).join(to.origin);
  if (from.login && to.login) result = result.split(from.login).join(to.login);
  if (from.challengeId && to.challengeId) result = result.split(from.challengeId).join(to.challengeId);
  return result;
}

/** A redirect's Location leads to the recorded path (after substitution): the browser's next request follows it. */
function samePath(location: string, recordedPath: string, from: Substitution, to: Substitution): boolean {
  return new URL(location, "http://x").pathname === new URL(substitute(recordedPath, from, to), "http://x").pathname;
}

function encodeBody(body: RecordedBody, entries: [string, string][]): { contentType: string; buffer: Buffer } {
  if (body.kind === "raw") return { contentType: body.contentType, buffer: Buffer.from(body.text) };
  if (body.kind === "urlencoded") {
    return { contentType: "application/x-www-form-urlencoded;charset=UTF-8", buffer: Buffer.from(new URLSearchParams(entries).toString()) };
  }
  const boundary = `----BenchAnswerLoad${randomBytes(8).toString("hex")}`;
  const parts = entries.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { contentType: `multipart/form-data; boundary=${boundary}`, buffer: Buffer.from(`${parts.join("")}--${boundary}--\r\n`) };
}

/** A recorded body with the pupil's values; for the answer's request, the form entries replaced by `form`. */
export function bodyEntries(body: RecordedBody, from: Substitution, to: Substitution, form?: { prefix: string; entries: [string, string][]; isContract: (name: string) => boolean }): [string, string][] {
  if (body.kind === "raw") return [];
  if (!form) return body.entries.map(([name, value]) => [name, substitute(value, from, to)]);
  // Keep the envelope (action arguments, React's own fields) in place, and put the pupil's form where the recorded form was.
  const result: [string, string][] = [];
  let placed = false;
  for (const [name, value] of body.entries) {
    const isForm = name.startsWith(form.prefix) && form.isContract(name.slice(form.prefix.length));
    if (!isForm) result.push([name, substitute(value, from, to)]);
    else if (!placed) {
      result.push(...form.entries.map(([n, v]): [string, string] => [form.prefix + n, v]));
      placed = true;
    }
  }
  return result;
}

export async function buildRequest(recorded: RecordedRequest, baseUrl: URL, from: Substitution, to: Substitution, formBody?: [string, string][]) {
  to = { ...to, origin: baseUrl.origin };
  const headers: Record<string, string> = {};
  for (const [name, value] of recorded.headers) headers[name] = substitute(value, from, to);
  // Node 20's zlib cannot read zstd: ask for the encodings a browser would otherwise get.
  if (headers["accept-encoding"]) headers["accept-encoding"] = headers["accept-encoding"].replace(/,\s*zstd/, "");
  if (headers.origin) headers.origin = baseUrl.origin;
  if (headers.referer) headers.referer = baseUrl.origin + new URL(headers.referer).pathname;
  const url = new URL(substitute(recorded.path, from, to), baseUrl);
  if (recorded.cacheBusting === "sha256" || recorded.cacheBusting === "legacy") {
    const compute = recorded.cacheBusting === "sha256" ? computeCacheBustingSearchParam : async (...a: Parameters<typeof computeLegacyCacheBustingSearchParam>) => computeLegacyCacheBustingSearchParam(...a);
    const [prefetch, segment, tree, nextUrl] = ROUTER_HEADERS.map((h) => headers[h]);
    url.searchParams.set("_rsc", await compute(prefetch as Parameters<typeof computeLegacyCacheBustingSearchParam>[0], segment, tree, nextUrl));
  }
  let body: Buffer | undefined;
  if (recorded.body) {
    const encoded = encodeBody(recorded.body, formBody ?? bodyEntries(recorded.body, from, to));
    headers["content-type"] = encoded.contentType;
    body = encoded.buffer;
  }
  return { url, headers, body };
}

export type ReplayResult = { responses: { request: RecordedRequest; response: HttpResponse }[]; state: PageState; failed: HttpResponse | null };

/**
 * Sends the interaction's requests in order, as the browser did: the ones it waited for one after the other,
 * prefetches alongside (not waited for by the pupil, awaited here before the cycle ends so that a pupil never
 * has two cycles in flight). The state is read from the last waited-for response that shows something.
 */
export async function replayInteraction(input: {
  agent: http.Agent;
  baseUrl: URL;
  jar: CookieJar;
  interaction: RecordedInteraction;
  to: Substitution;
  anchors: string[];
  timeoutMs: number;
  /** The answer's form entries (for the submission request). */
  form?: { entries: [string, string][]; isContract: (name: string) => boolean };
  /** Only these requests [start, end) (an answer: its submission, then the follow-ups of the outcome it led to). */
  range?: [number, number];
  /** Counts the requests sent (failed ones included). */
  sent?: { requests: number };
  /** Prefetches left out (a login for the bench's sessions). */
  skipBackground?: boolean;
  /** The origin and login of the recording (for a login). */
  recorded?: { origin: string; login?: string };
}): Promise<ReplayResult> {
  const { interaction } = input;
  const from: Substitution = { code: interaction.code, challengeId: interaction.challengeId, ...input.recorded };
  const received = new Map<number, HttpResponse>();
  const responses: ReplayResult["responses"] = [];
  const background: Promise<unknown>[] = [];
  let state: PageState = { kind: "unknown" };
  let lastBody = "";
  const [start, end] = input.range ?? [0, interaction.requests.length];
  for (let i = start; i < end; i++) {
    const recorded = interaction.requests[i];
    if (recorded.isBackground && input.skipBackground) continue;
    const isSubmission = interaction.submission?.index === i && input.form && recorded.body;
    let formBody = isSubmission ? bodyEntries(recorded.body!, from, input.to, { prefix: interaction.submission!.prefix, ...input.form! }) : undefined;
    const correlations = (interaction.correlations ?? []).filter((c) => c.request === i);
    if (correlations.length > 0 && recorded.body) {
      // A token the server gave earlier in the interaction (next-auth's CSRF token), taken from our own response.
      formBody = (formBody ?? bodyEntries(recorded.body, from, input.to)).map(([name, value]) => {
        const c = correlations.find((x) => x.entry === name);
        return c ? [name, String(JSON.parse(received.get(c.response)?.body ?? "{}")[c.jsonKey] ?? value)] : [name, value];
      });
    }
    const built = await buildRequest(recorded, input.baseUrl, from, input.to, formBody);
    built.headers.cookie = input.jar.header();
    if (input.sent) input.sent.requests++;
    const send = request(input.agent, built.url, { method: recorded.method, headers: built.headers, body: built.body, timeoutMs: input.timeoutMs }).then((response) => {
      input.jar.update(response.headers["set-cookie"]);
      responses.push({ request: recorded, response });
      return response;
    });
    if (recorded.isBackground) {
      background.push(send.catch(() => undefined));
      continue;
    }
    const response = await send;
    received.set(i, response);
    if (response.status >= 300 && response.status < 400) {
      // The browser would follow it: a finished test's question page sends to its results; a plain form's 303 (« Commencer »)
      // leads to the page that the recording's next request loads.
      const location = String(response.headers.location ?? "");
      const next = interaction.requests[i + 1];
      if (i + 1 < end && next && !next.isBackground && next.method === "GET" && samePath(location, next.path, from, input.to)) continue;
      await Promise.all(background);
      return { responses, state: /\/resultats/.test(location) ? { kind: "end" } : { kind: "error", message: `redirection vers ${location}` }, failed: null };
    }
    if (response.status === 503) {
      // Past capacity (the question page's JSON reply, or a gate in front of the app): the page says « Trop de monde… »
      // and sends the same answer again by itself; so does pupil.ts.
      await Promise.all(background);
      // The answer gate's refusal is plain text (before Next.js), the answer's own (a pool deadline) is JSON: pupil.ts
      // counts the first as « refus de la porte » (HTTP 503), as the page's script tells them apart.
      return { responses, state: refusalState(response), failed: null };
    }
    if (response.status >= 400) {
      await Promise.all(background);
      return { responses, state: { kind: "error", message: `HTTP ${response.status}` }, failed: response };
    }
    const seen = readPageState(response.body, input.anchors);
    if (seen.kind !== "unknown") state = seen;
    lastBody = response.body;
  }
  await Promise.all(background);
  // BENCH_UNKNOWN_PAGES=file: the replies the reader could not read (« page inattendue »), to see what they were.
  if (state.kind === "unknown" && process.env.BENCH_UNKNOWN_PAGES) appendFileSync(process.env.BENCH_UNKNOWN_PAGES, `${JSON.stringify({ at: new Date().toISOString(), body: lastBody.slice(0, 4000) })}\n`);
  return { responses, state, failed: null };
}
