import { afterEach, describe, expect, it } from "vitest";
import { createServer, request, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { AnswerGate } from "@/lib/server/answer-gate";

/**
 * Review finding (review-final, 06/12): the gate admits an answer before its body has arrived, and Next.js then waits
 * for the body with no deadline of its own (Node's requestTimeout: 300 s). A client — signed in or not, any campaign
 * code — that announces a body and stops sending holds a slot: ANSWER_GATE_CONCURRENCY such connections (8 by default)
 * refuse every pupil's answer of the process with 503 for minutes (reproduced on the production build: 8 raw sockets,
 * 8 × 503 over 106 s). The stand-in for Next.js below does what Next does: answers once the body is read.
 */
let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve()));
});

function post(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = "code=ABCDEF123&challengeId=ch-1&choice=1";
    const req = request(
      { host: "127.0.0.1", port, method: "POST", path: "/campagnes/ABCDEF123/evaluation", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("answer gate: a client that never finishes its body", () => {
  it("does not keep the other pupils' answers out for more than a few seconds", async () => {
    const gate = new AnswerGate({ concurrency: 1, queue: 0, queueMs: 1_000, retryAfterSeconds: 2 });
    server = createServer((req, res) => {
      void gate.enter(req, res).then((release) => {
        if (!release) return;
        req.resume(); // Next.js reads the whole body before the route handler runs
        req.on("end", () => res.end("réponse enregistrée"));
      });
    });
    const port = await new Promise<number>((resolve) => server!.listen(0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port)));
    const slow = connect(port, "127.0.0.1");
    sockets.push(slow);
    slow.write("POST /campagnes/AAAA/evaluation HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nc");
    await new Promise((r) => setTimeout(r, 300));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(await post(port));
      if (statuses.at(-1) === 200) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(statuses.at(-1), `answers refused while one socket holds its body: ${statuses.join(", ")}`).toBe(200);
  }, 20_000);

  it("answers the incomplete body 408 with a French message and closes its connection, without taking a slot", async () => {
    const gate = new AnswerGate({ concurrency: 1, queue: 0, queueMs: 1_000, retryAfterSeconds: 2 });
    server = createServer((req, res) => {
      void gate.enter(req, res).then((release) => {
        if (!release) return;
        req.resume();
        req.on("end", () => res.end("réponse enregistrée"));
      });
    });
    const port = await new Promise<number>((resolve) => server!.listen(0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port)));
    const slow = connect(port, "127.0.0.1");
    sockets.push(slow);
    let received = "";
    slow.on("data", (chunk) => (received += chunk.toString("utf8")));
    const closed = new Promise<void>((resolve) => slow.on("close", () => resolve()));
    slow.write("POST /campagnes/AAAA/evaluation HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nc");
    // While it waits, the only slot stays free for a complete answer.
    expect(await post(port)).toBe(200);
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(received).toContain("n'est pas arrivée en entier");
    expect(gate.load).toEqual({ inFlight: 0, waiting: 0 });
  }, 20_000);
});
