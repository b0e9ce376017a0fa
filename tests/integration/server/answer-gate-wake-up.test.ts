import { afterEach, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { AnswerGate } from "@/lib/server/answer-gate";

/**
 * The answer gate's body wait (answer-latency 325087d: next turn, then 1, 2, 4… 20 ms):
 * a body split across packets is admitted soon after its last byte, a trickling body is refused (408) after 2 s and
 * not before, a client that leaves mid-body costs nothing, and no timer is left behind. Raw sockets, real timers.
 */
let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve()));
  server = undefined;
});

const PATH = "/campagnes/ABCDEF123/evaluation";
const BODY = "code=ABCDEF123&challengeId=ch-1&kind=choice&choice=1&intent=answer";
const head = (length: number) => `POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`;

async function gateServer(gate: AnswerGate) {
  const admittedAt: number[] = [];
  const results: (string | null)[] = [];
  server = createServer((req, res) => {
    void gate.enter(req, res).then((release) => {
      results.push(release ? "admitted" : null);
      if (!release) return;
      admittedAt.push(performance.now());
      req.resume();
      req.on("end", () => res.end("ok"));
    });
  });
  const port = await new Promise<number>((resolve) => server!.listen(0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port)));
  return { port, admittedAt, results };
}

function rawClient(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  socket.setNoDelay(true);
  let data = "";
  const closed = new Promise<{ data: string; at: number }>((resolve) => {
    socket.on("data", (d) => (data += d.toString()));
    socket.on("close", () => resolve({ data, at: performance.now() }));
    socket.on("error", () => undefined);
  });
  return { socket, closed };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout" || r === "Immediate").length;

describe("the answer gate's body wait", () => {
  it("admits a body split across packets soon after its last byte", async () => {
    const { port, admittedAt } = await gateServer(new AnswerGate({ concurrency: 8, queue: 64, queueMs: 1_000, retryAfterSeconds: 2 }));
    const lags: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { socket, closed } = rawClient(port);
      socket.write(head(Buffer.byteLength(BODY)) + BODY.slice(0, 10));
      await sleep(30 + i * 40);
      const lastByteAt = performance.now();
      socket.write(BODY.slice(10));
      const { data } = await closed;
      expect(data).toMatch(/^HTTP\/1\.1 200/);
      lags.push(admittedAt[i] - lastByteAt);
    }
    console.log(`admission after the last byte: ${lags.map((l) => l.toFixed(1)).join(", ")} ms`);
    // The wait backs off to 20 ms: at most a look's period (+ scheduling on a loaded machine).
    for (const lag of lags) expect(lag).toBeLessThan(60);
  });

  it("refuses a trickling body with a 408 after 2 s, not before, and closes the connection", async () => {
    const { port } = await gateServer(new AnswerGate({ concurrency: 8, queue: 64, queueMs: 1_000, retryAfterSeconds: 2 }));
    const { socket, closed } = rawClient(port);
    const started = performance.now();
    socket.write(head(Buffer.byteLength(BODY)));
    const trickle = setInterval(() => socket.writable && socket.write("a"), 100);
    const { data, at } = await closed;
    clearInterval(trickle);
    expect(data).toMatch(/^HTTP\/1\.1 408/);
    expect(data).toContain("Votre réponse n'est pas arrivée en entier");
    expect(at - started).toBeGreaterThanOrEqual(1_990);
    expect(at - started).toBeLessThan(2_600);
  });

  it("leaves no timer or listener behind: complete, split, abandoned mid-body", async () => {
    const gate = new AnswerGate({ concurrency: 8, queue: 64, queueMs: 1_000, retryAfterSeconds: 2 });
    const { port, results } = await gateServer(gate);
    await sleep(50);
    const before = timeouts();
    const runs: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      const { socket, closed } = rawClient(port);
      if (i % 3 === 0) socket.write(head(Buffer.byteLength(BODY)) + BODY);
      else if (i % 3 === 1) {
        socket.write(head(Buffer.byteLength(BODY)) + BODY.slice(0, 5));
        setTimeout(() => socket.write(BODY.slice(5)), 15);
      } else {
        socket.write(head(Buffer.byteLength(BODY)) + BODY.slice(0, 5));
        setTimeout(() => socket.destroy(), 25);
      }
      runs.push(closed);
    }
    await Promise.all(runs);
    await sleep(100);
    expect(results.filter((r) => r === "admitted").length).toBe(40);
    expect(results.filter((r) => r === null).length).toBe(20);
    expect(gate.load).toEqual({ inFlight: 0, waiting: 0 });
    // Every look's timer cleared (vitest's own timers aside: the same count as before).
    expect(timeouts()).toBeLessThanOrEqual(before);
  });
});
