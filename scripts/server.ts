/**
 * The app's HTTP server (`npm start`, `npm run dev`, the e2e suite, the benches): Next.js behind the request gate of
 * lib/server/request-gate.ts (client address from the socket or the trusted proxies, body limits, malformed paths).
 * Next's own `next start` cannot tell a client-written X-Forwarded-For from a proxy's: see docs/adr/0008-request-gate.md.
 * Usage: tsx scripts/server.ts [--dev]   (PORT; the app's settings come from lib/env.ts)
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { register } from "node:module";
import next from "next";
import { env } from "../lib/env";
import { sessionCookieName, sessionSecret } from "../lib/auth/session-token";
import { AnswerGate, isAnswerRequest } from "../lib/server/answer-gate";
import { gateArrivalProver } from "../lib/server/arrival-proof";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS, strictTransportSecurity } from "../lib/domain/requests/security-headers";
import { rootStylesheets } from "../lib/pupil-flow/stylesheets";
import { fullCollection, IdleCollector } from "../lib/server/idle-collector";
import { markServedByRequestGate } from "../lib/server/client-address-header";
import { gateRequest } from "../lib/server/request-gate";
import { hasValidSessionCookie, sessionUserOf } from "../lib/server/session-cookie-check";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const settings = env();

markServedByRequestGate();
// Answers past this process's capacity are refused here, before Next.js parses them (docs/adr/0013-lean-answer-path.md).
// A refusal carries the signed proof of the answer's arrival: a timed answer is not made late by our overload (issue 15).
// Each pupil (checked session cookie) has a share of the gate; an answer without a valid session takes no slot.
const answerGate = new AnswerGate(
  { concurrency: settings.ANSWER_GATE_CONCURRENCY, queue: settings.ANSWER_GATE_QUEUE, queueMs: settings.ANSWER_GATE_QUEUE_MS, retryAfterSeconds: 2, perPupil: settings.ANSWER_GATE_PER_PUPIL },
  { proveArrival: gateArrivalProver(sessionSecret(), sessionCookieName()), pupilOf: sessionUserOf, stylesheets: rootStylesheets, pageHeaders: refusalPageHeaders },
);
/**
 * What Next.js adds to its pages (next.config.ts's headers, proxy.ts's CSP and HSTS), on the page a plain form post
 * refused by the answer gate gets (no JavaScript: lib/pupil-flow/busy-page.ts). It has no script: the nonce is unused.
 */
function refusalPageHeaders(): Record<string, string> {
  const headers = Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value]));
  headers["content-security-policy"] = contentSecurityPolicy({ nonce: randomBytes(18).toString("base64"), isDevelopment: dev, isHttps: settings.APP_URL.startsWith("https://") });
  const hsts = strictTransportSecurity(settings.APP_URL);
  if (hsts) headers["strict-transport-security"] = hsts;
  return headers;
}
// The script's answers served here, without entering Next.js (docs/adr/0018-answer-outside-next.md): lib loaded
// outside Next's bundle, so `server-only` must resolve to its empty module first (scripts/server-only-hook.mjs).
const fastPath = !dev && settings.ANSWER_FAST_PATH === "1" ? await loadFastPath() : null;
async function loadFastPath() {
  register("./server-only-hook.mjs", import.meta.url);
  const [path, { sizeDatabasePool }, { warmAnswerPath }] = await Promise.all([import("../lib/server/answer-fast-path"), import("../lib/db/client"), import("../lib/db/repositories/answer-warm-up")]);
  // Its own pool: never more connections than answers let in at once (docs/deploy.md, « Connexions »), kept open when idle.
  const connections = Math.min(settings.DATABASE_POOL_SIZE, settings.ANSWER_GATE_CONCURRENCY);
  sizeDatabasePool(connections, { keepIdleMs: 30 * 60_000 });
  // Warm before the port opens (ADR 0013 « 07/12 (6) »): a process put cold under a class's answers fell behind in its
  // first seconds and never caught up. Never fatal: a failed warm-up only leaves the process cold.
  if (settings.ANSWER_WARM_UP === "1") await warmAnswerPath({ connections, campaigns: 200 }).then(
    (r) => console.log(`> Réponses préparées en ${r.ms} ms : ${r.connections} connexions, ${r.challenges} épreuves, ${r.campaigns} campagnes en cours`),
    (error) => console.warn(`> Préparation des réponses impossible (le processus démarre à froid) : ${(error as Error).message}`),
  );
  const fastPathSettings = { appUrl: settings.APP_URL, orgaUrl: settings.ORGA_URL, isDevelopment: settings.NODE_ENV === "development" };
  return (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const code = path.fastPathCode(request);
    return code ? path.serveAnswerFast(request, response, fastPathSettings, code) : Promise.resolve(false);
  };
}
async function pass(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isAnswerRequest(request)) return handle(request, response);
  const release = await answerGate.enter(request, response);
  if (!release) return;
  try {
    if (fastPath && (await fastPath(request, response))) return;
    await handle(request, response);
  } catch (error) {
    release();
    throw error;
  }
}
const httpServer = createServer((request, response) => {
  gateRequest(request, response, { trustedProxyHops: settings.TRUSTED_PROXY_HOPS, isSignedIn: hasValidSessionCookie })
    .then((admitted) => (admitted ? pass(request, response) : undefined))
    .catch((error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("Une erreur inattendue est survenue. Réessayez dans un instant.\n");
    });
});
const app = next({ dev, port, httpServer });
const handle = app.getRequestHandler();
await app.prepare();
// Memory back to its resting level once the server is quiet after a burst (lib/server/idle-collector.ts).
if (settings.IDLE_GC_AFTER_MS > 0) {
  // Quiet: under one request per second over the period (or a fifth of the burst's busiest period).
  const collector = new IdleCollector({ heapTotal: () => process.memoryUsage().heapTotal, collect: fullCollection(), quietRequests: Math.floor(settings.IDLE_GC_AFTER_MS / 1000), log: console.log });
  httpServer.on("request", () => collector.touch());
  setInterval(() => collector.tick(), settings.IDLE_GC_AFTER_MS).unref();
}
// Idle keep-alive connections: the reverse proxy closes them first (HTTP_KEEP_ALIVE_TIMEOUT_MS, docs/deploy.md).
httpServer.keepAliveTimeout = settings.HTTP_KEEP_ALIVE_TIMEOUT_MS;
httpServer.headersTimeout = settings.HTTP_KEEP_ALIVE_TIMEOUT_MS + 5_000;
httpServer.listen(port, () => {
  console.log(`> Pix Libre (${dev ? "développement" : "production"}) sur le port ${port}${settings.TRUSTED_PROXY_HOPS ? `, ${settings.TRUSTED_PROXY_HOPS} proxy(s) de confiance` : ""}, réponses${fastPath ? " (hors Next.js)" : ""} : ${settings.ANSWER_GATE_CONCURRENCY} à la fois, ${settings.ANSWER_GATE_QUEUE} en attente ${settings.ANSWER_GATE_QUEUE_MS} ms au plus, ${settings.ANSWER_GATE_PER_PUPIL} par élève`);
});

function stop() {
  httpServer.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
