import { afterEach, describe, expect, it } from "vitest";
import { Agent, createServer, type Server } from "node:http";
import { rawPost } from "../support/raw-post";
import type { AddressInfo } from "node:net";
import { AnswerGate, isAnswerRequest, type AnswerGateOptions, type AnswerGateSettings } from "@/lib/server/answer-gate";
import { ARRIVAL_HEADER, gateArrivalProver, provenArrival } from "@/lib/server/arrival-proof";
import { BUSY_MESSAGE } from "@/lib/domain/shared/errors";

/**
 * The answer gate in front of a stand-in for Next.js whose answers end when the test says so (or fail, or hang),
 * over real sockets: what the gate sees is what scripts/server.ts gives it. The answers here are the page's script's
 * (X-Pix-Flow: its text refusal); a plain form post's refusal, a page: answer-gate-without-script.test.ts.
 */
let server: Server | undefined;
type Pending = { finish: (status?: number) => void; fail: () => void };
function gatedServer(settings: AnswerGateSettings, options?: AnswerGateOptions): { gate: AnswerGate; pending: Pending[]; listen: () => Promise<number> } {
  const gate = new AnswerGate(settings, options);
  const pending: Pending[] = [];
  server = createServer((req, res) => {
    void gate.enter(req, res).then((release) => {
      if (!release) return;
      req.resume();
      pending.push({
        finish: (status = 200) => {
          res.writeHead(status, { "content-type": "text/plain" });
          res.end("réponse enregistrée");
        },
        // What a crash inside the handler does: the socket is destroyed without a response.
        fail: () => res.destroy(),
      });
    });
  });
  return {
    gate,
    pending,
    listen: () => new Promise((resolve) => server!.listen(0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port))),
  };
}
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

type Answer = { status: number; body: string; retryAfter?: string; arrival?: string };
function post(port: number, agent?: Agent, body = "choice=1"): { done: Promise<Answer>; abort: () => void } {
  const sent = rawPost({ port, path: "/campagnes/ABCDEF123/evaluation", body, agent, headers: { cookie: "next-auth.session-token=jeton-de-test", "x-pix-flow": "1" } });
  const done = sent.done.then((res): Answer => {
    const arrival = res.headers[ARRIVAL_HEADER] as string | undefined;
    const retryAfter = res.headers["retry-after"] as string | undefined;
    return { status: res.status, body: res.body, retryAfter, ...(arrival ? { arrival } : {}) };
  });
  return { done, abort: sent.abort };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
};

describe("answer gate: bounded answers in flight, a bounded queue with a deadline, 503 past them", () => {
  it("admits up to the concurrency, queues the next ones, and lets a queued one in when a slot frees", async () => {
    const { gate, pending, listen } = gatedServer({ concurrency: 2, queue: 5, queueMs: 5_000, retryAfterSeconds: 2 });
    const port = await listen();
    const answers = [post(port), post(port), post(port)];
    await until(() => pending.length === 2 && gate.load.waiting === 1);
    pending[0].finish();
    expect((await answers[0].done).status).toBe(200);
    await until(() => pending.length === 3);
    pending[1].finish();
    pending[2].finish();
    expect((await Promise.all(answers.map((a) => a.done))).map((a) => a.status)).toEqual([200, 200, 200]);
    expect(gate.load).toEqual({ inFlight: 0, waiting: 0 });
    expect(gate.counters).toMatchObject({ admitted: 3, queued: 1, refusedFull: 0, refusedDeadline: 0 });
  });

  it("a full queue: the next answer is refused at once with 503, Retry-After and the French message", async () => {
    const { gate, pending, listen } = gatedServer({ concurrency: 1, queue: 1, queueMs: 5_000, retryAfterSeconds: 3 });
    const port = await listen();
    const first = post(port);
    const second = post(port);
    await until(() => pending.length === 1 && gate.load.waiting === 1);
    const started = Date.now();
    const refused = await post(port).done;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(refused).toEqual({ status: 503, body: `${BUSY_MESSAGE}\n`, retryAfter: "3" });
    expect(gate.counters.refusedFull).toBe(1);
    pending[0].finish();
    await until(() => pending.length === 2);
    pending[1].finish();
    expect((await first.done).status).toBe(200);
    expect((await second.done).status).toBe(200);
  });

  it("an answer that waited past the deadline is refused with 503 and leaves the queue", async () => {
    const { gate, pending, listen } = gatedServer({ concurrency: 1, queue: 10, queueMs: 150, retryAfterSeconds: 1 });
    const port = await listen();
    const first = post(port);
    await until(() => pending.length === 1);
    const late = await post(port).done;
    expect(late.status).toBe(503);
    expect(late.retryAfter).toBe("1");
    expect(late.body).toMatch(/votre réponse n'a pas été perdue/);
    expect(gate.load).toEqual({ inFlight: 1, waiting: 0 });
    expect(gate.counters.refusedDeadline).toBe(1);
    pending[0].finish();
    expect((await first.done).status).toBe(200);
    expect(gate.load.inFlight).toBe(0);
  });

  it("a handler that fails without answering frees its slot (the next answer gets in)", async () => {
    const { gate, pending, listen } = gatedServer({ concurrency: 1, queue: 10, queueMs: 5_000, retryAfterSeconds: 1 });
    const port = await listen();
    const crashed = post(port);
    const next = post(port);
    await until(() => pending.length === 1 && gate.load.waiting === 1);
    pending[0].fail();
    await expect(crashed.done).rejects.toThrow();
    await until(() => pending.length === 2);
    pending[1].finish();
    expect((await next.done).status).toBe(200);
    expect(gate.load).toEqual({ inFlight: 0, waiting: 0 });
  });

  it("a client that gives up frees its slot, and a client that gives up while queued leaves the queue", async () => {
    const { gate, pending, listen } = gatedServer({ concurrency: 1, queue: 10, queueMs: 5_000, retryAfterSeconds: 1 });
    const port = await listen();
    const inside = post(port);
    const queued = post(port);
    await until(() => pending.length === 1 && gate.load.waiting === 1);
    queued.abort();
    await expect(queued.done).rejects.toThrow();
    await until(() => gate.load.waiting === 0);
    expect(gate.counters.abandoned).toBe(1);
    inside.abort();
    await expect(inside.done).rejects.toThrow();
    await until(() => gate.load.inFlight === 0);
    const after = post(port);
    await until(() => pending.length === 2);
    pending[1].finish();
    expect((await after.done).status).toBe(200);
  });

  it("a refusal keeps the connection usable (behind a proxy, a closed upstream connection becomes a 502)", async () => {
    const { pending, listen } = gatedServer({ concurrency: 1, queue: 0, queueMs: 5_000, retryAfterSeconds: 1 });
    const port = await listen();
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    const inside = post(port, agent);
    await until(() => pending.length === 1);
    let sockets = 0;
    server!.on("connection", () => sockets++);
    expect((await post(port, agent).done).status).toBe(503);
    expect((await post(port, agent).done).status).toBe(503);
    expect(sockets).toBe(1);
    pending[0].finish();
    await inside.done;
    agent.destroy();
  });
});

describe("answer gate: which requests are answers", () => {
  const req = (method: string, url: string) => ({ method, url });

  it("a POST to the question page: an answer from its script or a plain form, and « Commencer »", () => {
    expect(isAnswerRequest(req("POST", "/campagnes/ABCDEF123/evaluation"))).toBe(true);
    expect(isAnswerRequest(req("POST", "/campagnes/ABCDEF123/evaluation/"))).toBe(true);
  });

  it("not a page load, nor another page's post", () => {
    expect(isAnswerRequest(req("GET", "/campagnes/ABCDEF123/evaluation"))).toBe(false);
    expect(isAnswerRequest(req("POST", "/campagnes/ABCDEF123"))).toBe(false);
    expect(isAnswerRequest(req("POST", "/campagnes/ABCDEF123/checkpoint"))).toBe(false);
    expect(isAnswerRequest(req("POST", "/campagnes/ABCDEF123/resultats"))).toBe(false);
    expect(isAnswerRequest(req("POST", "/api/signalements"))).toBe(false);
    expect(isAnswerRequest(req("POST", "/connexion"))).toBe(false);
  });
});

describe("answer gate: a refusal proves when the answer arrived (issue 15)", () => {
  const KEY = "clé-de-test-0123456789-0123456789";
  const binding = (form: string) => ({ campaignCode: "ABCDEF123", sessionToken: "jeton-de-test", form: new URLSearchParams(form) });

  it("reads the refused body and signs its first arrival, for this answer only; the queue's deadline counts from arrival", async () => {
    const { pending, listen } = gatedServer({ concurrency: 1, queue: 1, queueMs: 200, retryAfterSeconds: 2 }, { proveArrival: gateArrivalProver(KEY, "next-auth.session-token") });
    const port = await listen();
    const first = post(port);
    await until(() => pending.length === 1);
    const body = "code=ABCDEF123&challengeId=rec-chrono&intent=answer&field%3Areponse=%C3%A9t%C3%A9";
    const before = Date.now();
    const waited = await post(port, undefined, body).done; // waits 200 ms in the queue, then refused
    expect(waited).toMatchObject({ status: 503, body: `${BUSY_MESSAGE}\n`, arrival: expect.any(String) });
    const arrivedAt = provenArrival(KEY, waited.arrival, binding(body), Date.now())!;
    expect(arrivedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(arrivedAt.getTime()).toBeLessThan(before + 150);
    expect(provenArrival(KEY, waited.arrival, binding(body.replace("rec-chrono", "rec-autre")), Date.now())).toBeNull();
    expect(provenArrival(KEY, waited.arrival, binding(body.replace("t%C3%A9", "t%C3%A8")), Date.now())).toBeNull();
    pending[0].finish();
    expect((await first.done).status).toBe(200);
  });

  it("without a prover, or for a body too big to read, the refusal is as before: no proof", async () => {
    const plain = gatedServer({ concurrency: 1, queue: 0, queueMs: 1_000, retryAfterSeconds: 2 });
    let port = await plain.listen();
    const first = post(port);
    await until(() => plain.pending.length === 1);
    expect(await post(port).done).toEqual({ status: 503, body: `${BUSY_MESSAGE}\n`, retryAfter: "2" });
    plain.pending[0].finish();
    await first.done;
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const proving = gatedServer({ concurrency: 1, queue: 0, queueMs: 1_000, retryAfterSeconds: 2 }, { proveArrival: gateArrivalProver(KEY, "next-auth.session-token") });
    port = await proving.listen();
    const other = post(port);
    await until(() => proving.pending.length === 1);
    const big = await post(port, undefined, `challengeId=rec&field%3Areponse=${"a".repeat(20_000)}`).done;
    expect(big.status).toBe(503);
    expect(big.arrival).toBeUndefined();
    proving.pending[0].finish();
    await other.done;
  });
});
