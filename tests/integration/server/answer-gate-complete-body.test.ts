import { afterEach, describe, expect, it, vi } from "vitest";
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AnswerGate } from "@/lib/server/answer-gate";

/**
 * Found by the latency breakdown of issue 15 (07/12): Node marks a request `complete` only once its parser has run
 * past the body, a turn of the event loop after the request event, so the gate never saw an answer complete at once
 * and waited for its first poll — 20 ms added to every answer, two thirds of the median cycle. An answer whose body
 * came with its headers (what a browser and the bench send) must be admitted without waiting for any timer.
 * Timers are frozen here (sockets and setImmediate stay real): an admission that needs one never comes.
 */
let server: Server | undefined;
const agent = new Agent({ keepAlive: true });
afterEach(async () => {
  vi.useRealTimers();
  agent.destroy();
  await new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve()));
});

function post(port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, agent, method: "POST", path: "/campagnes/ABCDEF123/evaluation", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Turns of the event loop (I/O included) until `done` settles, at most `budgetMs` of real time; null if it did not. */
async function settledWithoutTimers<T>(done: Promise<T>, budgetMs: number): Promise<T | null> {
  let result: { value: T } | null = null;
  // A request left hanging is cut by the cleanup: not this test's finding.
  void done.then((value) => (result = { value }), () => undefined);
  const started = performance.now();
  while (!result && performance.now() - started < budgetMs) await new Promise((r) => setImmediate(r));
  return result ? (result as { value: T }).value : null;
}

describe("answer gate: an answer that arrived whole", () => {
  it("is admitted without waiting for a timer", async () => {
    const gate = new AnswerGate({ concurrency: 8, queue: 64, queueMs: 1_000, retryAfterSeconds: 2 });
    server = createServer((req, res) => {
      // As scripts/server.ts: the request gate's promise, then the answer gate.
      void Promise.resolve()
        .then(() => gate.enter(req, res))
        .then((release) => {
          if (!release) return;
          req.resume();
          req.on("end", () => res.end("réponse enregistrée"));
        });
    });
    const port = await new Promise<number>((resolve) => server!.listen(0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port)));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
    const statuses: (number | null)[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await settledWithoutTimers(post(port, "code=ABCDEF123&challengeId=ch-1&kind=choice&choice=1&intent=answer"), 2_000));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });
});
