import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { rawPost } from "../support/raw-post";
import type { AddressInfo } from "node:net";
import { mintSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { BUSY_MESSAGE } from "@/lib/domain/shared/errors";
import { AnswerGate, type AnswerGateOptions, type AnswerGateSettings } from "@/lib/server/answer-gate";
import { sessionUserOf } from "@/lib/server/session-cookie-check";
import { ARRIVAL_FIELD, ARRIVAL_HEADER, gateArrivalProver } from "@/lib/server/arrival-proof";

/**
 * The answer gate's per-pupil share (issue 15, ADR 0013 « 07/12 (18) »): one session could fill the queue and have
 * every other pupil refused. The gate in front of a stand-in for Next.js whose answers end when the test says so, over
 * real sockets, with the pupil read as scripts/server.ts reads it (sessionUserOf: the cookie's signature and expiry).
 */
let server: Server | undefined;
type Pending = { cookie: string; finish: () => void; fail: () => void };
function gatedServer(settings: AnswerGateSettings, pupilOf: AnswerGateOptions["pupilOf"] = sessionUserOf, options: Omit<AnswerGateOptions, "pupilOf"> = {}) {
  const gate = new AnswerGate(settings, { pupilOf, ...options });
  const pending: Pending[] = [];
  server = createServer((req, res) => {
    void gate.enter(req, res).then((release) => {
      if (!release) return;
      req.resume();
      pending.push({
        cookie: req.headers.cookie ?? "",
        finish: () => {
          res.writeHead(200, { "content-type": "text/plain" });
          res.end("réponse enregistrée");
        },
        fail: () => res.destroy(),
      });
    });
  });
  const listen = () => new Promise<number>((resolve) => server!.listen(0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port)));
  return { gate, pending, listen };
}
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

type Answer = { status: number; body: string };
function post(port: number, cookie: string | null): { done: Promise<Answer>; abort: () => void } {
  // Sent as the page's script sends it (X-Pix-Flow: the text refusal); a plain form's refusal is a page
  // (answer-gate-without-script.test.ts).
  const headers: Record<string, string> = { "x-pix-flow": "1", ...(cookie !== null ? { cookie } : {}) };
  const sent = rawPost({ port, path: "/campagnes/ABCDEF123/evaluation", body: "challengeId=ch-1&intent=skip", headers });
  return { done: sent.done.then(({ status, body }) => ({ status, body })), abort: sent.abort };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
};

const BUSY = { status: 503, body: `${BUSY_MESSAGE}\n` };
let alice = "";
let bob = "";
let carol = "";
beforeAll(async () => {
  const cookieOf = async (userId: number) => `${sessionCookieName()}=${await mintSessionToken({ userId, sessionVersion: 0, now: new Date() })}`;
  [alice, bob, carol] = await Promise.all([cookieOf(101), cookieOf(102), cookieOf(103)]);
});

describe("answer gate: a share per pupil", () => {
  it("one pupil's third answer at once is refused at once, while other pupils' answers still wait for a slot", async () => {
    const { gate, pending, listen } = gatedServer({ concurrency: 1, queue: 10, queueMs: 5_000, retryAfterSeconds: 2, perPupil: 2 });
    const port = await listen();
    const first = post(port, alice);
    await until(() => pending.length === 1);
    const second = post(port, alice);
    await until(() => gate.load.waiting === 1);
    const started = Date.now();
    expect(await post(port, alice).done).toEqual(BUSY);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(gate.counters.refusedShare).toBe(1);
    const other = post(port, bob);
    await until(() => gate.load.waiting === 2);
    expect([...gate.pupils.entries()].sort()).toEqual([[101, 2], [102, 1]]);

    for (let served = 1; served <= 3; served++) {
      pending[served - 1].finish();
      if (served < 3) await until(() => pending.length === served + 1);
    }
    expect((await Promise.all([first.done, second.done, other.done])).map((a) => a.status)).toEqual([200, 200, 200]);
    await until(() => gate.pupils.size === 0);
    // Its share back, the pupil answers again.
    const again = post(port, alice);
    await until(() => pending.length === 4);
    pending[3].finish();
    expect((await again.done).status).toBe(200);
  });

  it("a session that keeps posting no longer fills the queue: the other pupils are all let in", async () => {
    const { gate, pending, listen } = gatedServer({ concurrency: 1, queue: 4, queueMs: 5_000, retryAfterSeconds: 2, perPupil: 2 });
    const port = await listen();
    const flood = Array.from({ length: 12 }, () => post(port, alice));
    await until(() => gate.counters.refusedShare === 10);
    const others = [post(port, bob), post(port, carol)];
    await until(() => gate.load.waiting === 3);
    expect(gate.counters.refusedFull).toBe(0);
    for (let served = 1; served <= 4; served++) {
      pending[served - 1].finish();
      if (served < 4) await until(() => pending.length === served + 1);
    }
    expect((await Promise.all(others.map((a) => a.done))).map((a) => a.status)).toEqual([200, 200]);
    const flooded = await Promise.all(flood.map((a) => a.done));
    expect(flooded.filter((a) => a.status === 200)).toHaveLength(2);
    expect(flooded.filter((a) => a.status === 503 && a.body === BUSY.body)).toHaveLength(10);
    expect(gate.counters).toMatchObject({ refusedFull: 0, refusedDeadline: 0, refusedShare: 10 });
  });

  it("an answer without a valid session (none, forged, tampered) takes no slot and no place in the queue: it goes on at once", async () => {
    const { gate, pending, listen } = gatedServer({ concurrency: 1, queue: 1, queueMs: 5_000, retryAfterSeconds: 2, perPupil: 2 });
    const port = await listen();
    const held = post(port, alice);
    await until(() => pending.length === 1);
    const waiting = post(port, bob);
    await until(() => gate.load.waiting === 1);
    // The slot taken, the queue full: each of these would have been refused (or have filled it, with a larger queue).
    const name = sessionCookieName();
    const stranger = await mintSessionToken({ userId: 104, sessionVersion: 0, now: new Date() });
    const forged = [null, "autre=1", `${name}=jeton-invente`, `${name}=${stranger.slice(0, -4)}AAAA`, ...Array.from({ length: 16 }, (_, i) => `${name}=a.b.c.d.${i}`)];
    const anonymous = forged.map((cookie) => post(port, cookie));
    await until(() => pending.length === 1 + forged.length);
    expect(gate.load).toEqual({ inFlight: 1, waiting: 1 });
    expect(gate.counters).toMatchObject({ withoutSession: forged.length, refusedFull: 0, refusedShare: 0 });
    for (const p of pending.slice(1)) p.finish();
    expect((await Promise.all(anonymous.map((a) => a.done))).every((a) => a.status === 200)).toBe(true);
    expect([...gate.pupils.keys()].sort()).toEqual([101, 102]);
    pending[0].finish();
    await until(() => pending.length === 2 + forged.length);
    pending.at(-1)!.finish();
    expect((await held.done).status).toBe(200);
    expect((await waiting.done).status).toBe(200);
  });

  it("the share comes back whatever ends the answer: a refusal past the deadline, a client gone while waiting, a handler that fails", async () => {
    const { gate, pending, listen } = gatedServer({ concurrency: 1, queue: 10, queueMs: 300, retryAfterSeconds: 2, perPupil: 2 });
    const port = await listen();
    const held = post(port, bob);
    await until(() => pending.length === 1);
    // Waits past the deadline: refused, share back.
    expect(await post(port, alice).done).toEqual(BUSY);
    expect(gate.counters.refusedDeadline).toBe(1);
    expect(gate.pupils.get(101)).toBeUndefined();
    // Gone while waiting: share back.
    const gone = post(port, alice);
    await until(() => gate.load.waiting === 1);
    gone.abort();
    await gone.done.catch(() => undefined);
    await until(() => gate.counters.abandoned === 1 && gate.pupils.get(101) === undefined);
    // The handler fails: slot and share back.
    pending[0].fail();
    await held.done.catch(() => undefined);
    await until(() => gate.load.inFlight === 0 && gate.pupils.size === 0);
    const twice = [post(port, alice), post(port, alice)];
    await until(() => pending.length === 2 && gate.load.waiting === 1);
    pending[1].finish();
    await until(() => pending.length === 3);
    pending[2].finish();
    expect((await Promise.all(twice.map((a) => a.done))).map((a) => a.status)).toEqual([200, 200]);
    await until(() => gate.pupils.size === 0);
  });

  it("a client gone while its session is being checked takes neither a slot nor a share (nothing left to free them)", async () => {
    let checking = 0;
    const slowly = async (request: Parameters<typeof sessionUserOf>[0]) => {
      checking++;
      await new Promise((r) => setTimeout(r, 150));
      return sessionUserOf(request);
    };
    const { gate, pending, listen } = gatedServer({ concurrency: 1, queue: 10, queueMs: 5_000, retryAfterSeconds: 2, perPupil: 2 }, slowly);
    const port = await listen();
    const gone = post(port, alice);
    await until(() => checking === 1);
    gone.abort();
    await gone.done.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(gate.load).toEqual({ inFlight: 0, waiting: 0 });
    expect(gate.pupils.size).toBe(0);
    expect(gate.counters).toMatchObject({ admitted: 0, abandoned: 1 });
    const next = post(port, bob);
    await until(() => pending.length === 1);
    pending[0].finish();
    expect((await next.done).status).toBe(200);
    expect(gate.load.inFlight).toBe(0);
  });

  it("a refusal by the share carries no arrival proof (a pupil cannot have his own answers proven at will); a full gate's still does", async () => {
    // The review of 07/12 (ADR 0013 « 07/12 (22) »): two answers of a pupil in flight, then every choice of a timed
    // question at once — each refused by the share with a signed proof, and one of them sent late counted as on time.
    const prover = gateArrivalProver("clé-de-test-du-partage", sessionCookieName());
    const { gate, pending, listen } = gatedServer({ concurrency: 2, queue: 0, queueMs: 1_000, retryAfterSeconds: 2, perPupil: 2 }, sessionUserOf, { proveArrival: prover });
    const port = await listen();
    const path = "/campagnes/ABCDEF123/evaluation";
    const holders = [post(port, alice), post(port, alice)];
    await until(() => pending.length === 2);
    const choice = (cookie: string, flow: boolean) =>
      rawPost({ port, path, body: "challengeId=ch-1&answer=2", headers: { cookie, origin: `http://127.0.0.1:${port}`, ...(flow ? { "x-pix-flow": "1" } : {}) } }).done;
    // The script's post and the plain form's, both past the pupil's share: refused, kept, never proven.
    const byScript = await choice(alice, true);
    expect(byScript.status).toBe(503);
    expect(byScript.headers[ARRIVAL_HEADER]).toBeUndefined();
    const byForm = await choice(alice, false);
    expect(byForm.status).toBe(503);
    expect(byForm.body).toContain("Renvoyer ma réponse");
    expect(byForm.body).not.toContain(`name="${ARRIVAL_FIELD}"`);
    expect(gate.counters.refusedShare).toBe(2);
    // The gate full (two slots, no queue) for another pupil: a real overload, proven as before.
    const full = await choice(bob, true);
    expect(full.status).toBe(503);
    expect(full.headers[ARRIVAL_HEADER]).toEqual(expect.any(String));
    expect(gate.counters.refusedFull).toBe(1);
    for (const p of pending) p.finish();
    expect((await Promise.all(holders.map((h) => h.done))).map((a) => a.status)).toEqual([200, 200]);
  });
});
