import { afterEach, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import net, { type AddressInfo } from "node:net";
import { db, pgPool } from "@/lib/db/client";
import { sessionCookieName } from "@/lib/auth/session-token";
import { BUSY_MESSAGE } from "@/lib/domain/shared/errors";
import { INVALID_FORM_MESSAGE } from "@/lib/pupil-flow/read-form";
import { AnswerGate, isAnswerRequest } from "@/lib/server/answer-gate";
import { fastPathCode, serveAnswerFast } from "@/lib/server/answer-fast-path";
import { gateRequest } from "@/lib/server/request-gate";
import { hasValidSessionCookie } from "@/lib/server/session-cookie-check";
import { openCampaign, pupilIn, skipForm } from "../support/answer-world";

/**
 * review-fast (07/12): the answer's fast path (lib/server/answer-fast-path.ts) over real sockets, wired as
 * scripts/server.ts wires it (request gate → answer gate → fast path; what it leaves goes to a stand-in for Next.js),
 * on the real database: what an attacker or a flaky connection does to it.
 */
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

function listen(gateSettings = { concurrency: 2, queue: 0, queueMs: 500, retryAfterSeconds: 2 }): Promise<{ port: number; gate: AnswerGate; toNext: string[] }> {
  const gate = new AnswerGate(gateSettings);
  const toNext: string[] = [];
  const settings = { appUrl: "http://localhost:3000", orgaUrl: undefined, isDevelopment: false };
  const next = (request: IncomingMessage, response: ServerResponse) => {
    toNext.push(`${request.method} ${request.url}`);
    request.resume();
    response.writeHead(299, { "content-type": "text/plain" });
    response.end("NEXT");
  };
  async function pass(request: IncomingMessage, response: ServerResponse) {
    if (!isAnswerRequest(request)) return next(request, response);
    const release = await gate.enter(request, response);
    if (!release) return;
    try {
      const code = fastPathCode(request);
      if (code && (await serveAnswerFast(request, response, settings, code))) return;
      next(request, response);
    } catch (error) {
      release();
      throw error;
    }
  }
  server = createServer((request, response) => {
    gateRequest(request, response, { trustedProxyHops: 0, isSignedIn: hasValidSessionCookie })
      .then((admitted) => (admitted ? pass(request, response) : undefined))
      .catch(() => {
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        response.end("Une erreur inattendue est survenue. Réessayez dans un instant.\n");
      });
  });
  return new Promise((resolve) => server!.listen(0, "127.0.0.1", () => resolve({ port: (server!.address() as AddressInfo).port, gate, toNext })));
}

type Raw = { status: number; head: string; body: string };
/** Writes `parts` one after the other (`wait` ms between), then waits for the reply or `closeAfterMs`. */
function exchange(port: number, parts: string[], options: { wait?: number; closeAfterMs?: number } = {}): Promise<Raw> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const got: Buffer[] = [];
    socket.on("data", (d) => got.push(d));
    socket.on("error", () => {});
    socket.on("close", () => {
      const text = Buffer.concat(got).toString("utf8");
      const at = text.indexOf("\r\n\r\n");
      resolve({ status: Number(text.split(" ")[1]) || 0, head: at < 0 ? text : text.slice(0, at), body: at < 0 ? "" : text.slice(at + 4) });
    });
    socket.on("connect", async () => {
      for (const part of parts) {
        socket.write(part);
        if (options.wait) await new Promise((r) => setTimeout(r, options.wait));
      }
      if (options.closeAfterMs !== undefined) setTimeout(() => socket.destroy(), options.closeAfterMs);
    });
  });
}

async function world() {
  // Content in memory, as after the first answers (a cold memory would wait for the database, not what is tested here).
  const campaign = await openCampaign({ name: "Revue", warm: true });
  const pupils = [];
  for (let i = 0; i < 6; i++) {
    const { pupil, token, first } = await pupilIn(campaign);
    pupils.push({ id: pupil.id, token, first });
  }
  return { code: campaign.code, pupils };
}

function answerRequest(code: string, token: string, body: string, extra = ""): [head: string, body: string] {
  return [
    `POST /campagnes/${code}/evaluation HTTP/1.1\r\nHost: localhost:3000\r\nOrigin: http://localhost:3000\r\nX-Pix-Flow: 1\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: ${sessionCookieName()}=${token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n${extra}\r\n`,
    body,
  ];
}
const skip = (code: string, challengeId: string) => skipForm(code, challengeId).toString();
const answersOf = (userId: number) => db.answer.count({ where: { assessment: { userId } } });

describe("review-fast: the answer's fast path over real sockets", () => {
  it("a client that goes away (mid-body, or once its answer is sent) frees its slot; a sent answer is recorded once", async () => {
    const { code, pupils } = await world();
    const { port, gate } = await listen();
    // Mid-body: announced 300 bytes, 20 sent, gone.
    for (let i = 0; i < 4; i++) {
      const [head] = answerRequest(code, pupils[0].token, "x".repeat(300));
      await exchange(port, [head, "code=ABC&challenge"], { closeAfterMs: 30 });
    }
    // The whole answer, then gone at once (the body may be dropped with the socket: never recorded twice), or once
    // the answer is being recorded (it is recorded: the transaction goes on without its client).
    const [h0, b0] = answerRequest(code, pupils[0].token, skip(code, pupils[0].first));
    await exchange(port, [h0 + b0], { closeAfterMs: 0 });
    for (const p of pupils.slice(1, 3)) {
      const [head, body] = answerRequest(code, p.token, skip(code, p.first));
      await exchange(port, [head + body], { closeAfterMs: 60 });
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(gate.load).toEqual({ inFlight: 0, waiting: 0 });
    expect(await answersOf(pupils[0].id)).toBeLessThanOrEqual(1);
    for (const p of pupils.slice(1, 3)) expect(await answersOf(p.id)).toBe(1);
    // Every slot free: the next answers go through.
    for (const p of pupils.slice(3)) {
      const [head, body] = answerRequest(code, p.token, skip(code, p.first));
      const reply = await exchange(port, [head + body]);
      expect(reply.status, reply.head).toBe(200);
    }
  });

  it("a body that trickles in is answered 408 by the gate, never reaches the database, and holds no slot", async () => {
    const { code, pupils } = await world();
    const { port, gate } = await listen();
    const [head, body] = answerRequest(code, pupils[0].token, skip(code, pupils[0].first));
    const started = Date.now();
    const reply = await exchange(port, [head, ...body.match(/.{1,4}/g)!], { wait: 400 });
    expect(reply.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(gate.load).toEqual({ inFlight: 0, waiting: 0 });
    expect(await answersOf(pupils[0].id)).toBe(0);
  });

  it("the pool past its deadline: 503, Retry-After, the French message and a proof; the security headers are there", async () => {
    const { code, pupils } = await world();
    const { port } = await listen({ concurrency: 8, queue: 0, queueMs: 500, retryAfterSeconds: 2 });
    const held = await Promise.all(Array.from({ length: 10 }, () => pgPool().connect()));
    let reply: Raw;
    try {
      const [head, body] = answerRequest(code, pupils[0].token, skip(code, pupils[0].first));
      reply = await exchange(port, [head + body]);
    } finally {
      for (const c of held) c.release();
    }
    expect(reply.status).toBe(503);
    expect(reply.head).toMatch(/^retry-after: 2$/im);
    expect(reply.head).toMatch(/^x-pix-arrival: \d{13}\.[\w-]{43}$/im);
    expect(reply.head).toMatch(/^x-content-type-options: nosniff$/im);
    expect(reply.head).toMatch(/^content-security-policy: /im);
    expect(JSON.parse(reply.body).message).toBe(BUSY_MESSAGE);
    expect(await answersOf(pupils[0].id)).toBe(0);
  });

  it("what it does not take goes to Next.js untouched: a trailing slash, an encoded character, an absolute target, another method", async () => {
    const { code, pupils } = await world();
    const { port, toNext } = await listen();
    const body = skip(code, pupils[0].first);
    for (const target of [`/campagnes/${code}/evaluation/`, `/campagnes/${code}/%65valuation`, `http://localhost:3000/campagnes/${code}/evaluation`]) {
      const [head] = answerRequest(code, pupils[0].token, body);
      const reply = await exchange(port, [head.replace(`/campagnes/${code}/evaluation`, target) + body]);
      expect(reply.body, target).toContain("NEXT");
    }
    const [head] = answerRequest(code, pupils[0].token, body);
    expect((await exchange(port, [head.replace("POST", "PUT") + body])).body).toContain("NEXT");
    expect(toNext).toHaveLength(4);
    expect(await answersOf(pupils[0].id)).toBe(0);
  });

  it("a form over 64 KB from a signed-in pupil: the French 400 of a form that is not ours, at once (a 408 before), script or not", async () => {
    const { code, pupils } = await world();
    const { port, gate, toNext } = await listen();
    const body = `${skip(code, pupils[0].first)}&remplissage=${"a".repeat(70 * 1024)}`;
    const [head] = answerRequest(code, pupils[0].token, body);
    for (const sent of [head, head.replace("X-Pix-Flow: 1\r\n", "")]) {
      const started = Date.now();
      const reply = await exchange(port, [sent + body]);
      expect(reply.status, sent).toBe(400);
      expect(reply.body.trim()).toBe(INVALID_FORM_MESSAGE);
      expect(Date.now() - started).toBeLessThan(1_500);
    }
    expect(toNext).toEqual([]);
    expect(gate.load).toEqual({ inFlight: 0, waiting: 0 });
    expect(await answersOf(pupils[0].id)).toBe(0);
  });
});
