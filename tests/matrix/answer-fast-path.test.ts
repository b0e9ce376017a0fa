import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { e2ePorts } from "../../scripts/setup/e2e-ports";
import { localProductionEnv } from "../../scripts/setup/local-production-env";
import { readBuildEntryPoints } from "./support/entry-points";
import { MATRIX_SECRET } from "./support/global-setup";
import { logIn } from "./support/http";

/**
 * The script's answer served by scripts/server.ts outside Next.js (ADR 0018) against the same answer served by
 * Next.js's route handler (ANSWER_FAST_PATH=0): two servers of this production build on the matrix's database, the
 * same requests, the same responses — status, JSON body, and every header but the date and the CSP's nonce (the
 * diff of both paths, written down). Pupils of a school of their own: the matrix's world is not touched.
 */
const databaseUrl = inject("matrixDatabaseUrl");
const ports = { fast: e2ePorts().matrix + 1, next: e2ePorts().matrix + 2 };
const servers: { child: ChildProcess; output: string[] }[] = [];

function start(port: number, fastPath: "0" | "1") {
  const baseUrl = `http://localhost:${port}`;
  const child = spawn("npm", ["start", "--silent"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...localProductionEnv({ appUrl: baseUrl, databaseUrl, secret: MATRIX_SECRET }), PORT: String(port), MAIL_OUTBOX_PAGE: "0", ANSWER_FAST_PATH: fastPath },
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  servers.push({ child, output });
  return { baseUrl, output };
}

async function healthy(baseUrl: string) {
  for (let i = 0; i < 900; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${baseUrl} n'a pas répondu en 90 s.`);
}

let fast: { baseUrl: string; output: string[] };
let viaNext: { baseUrl: string; output: string[] };
let pupils: { cookie: string; code: string; first: string }[];
let strangerCampaign: string;

beforeAll(async () => {
  fast = start(ports.fast, "1");
  viaNext = start(ports.next, "0");
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("@/lib/db/client");
  const { hashPassword } = await import("@/lib/auth/password-hashing");
  const { createCampaign } = await import("@/lib/use-cases/campaigns/create-campaign");
  const { campaignCreationSchema } = await import("@/lib/domain/campaigns/campaign-form");
  const { startParticipation } = await import("@/lib/use-cases/participations/pupil-campaign");
  const { currentQuestion } = await import("@/lib/use-cases/participations/answer-challenge");
  const hash = await hashPassword("Rapide-2026-secret!");
  const school = await db.establishment.create({ data: { name: "Collège du chemin rapide", uai: "0750009C", type: "SCO", contactEmail: "rapide@example.org", isManagingStudents: false }, select: { id: true } });
  const user = (n: number) => db.user.create({ data: { firstName: "Élève", lastName: `Rapide${n}`, email: `rapide${n}@example.org`, passwordHash: hash, termsAcceptedAt: new Date() }, select: { id: true } }).then((u) => u.id);
  const teacher = await user(0);
  await db.membership.create({ data: { establishmentId: school.id, userId: teacher, role: "ADMIN" } });
  const campaign = async () => {
    const form = campaignCreationSchema.parse({ name: "Rapide", type: "ASSESSMENT", targetProfileId: "tp-competence-4-1", askExternalId: "no", ownerId: String(teacher) });
    return createCampaign({ actorUserId: teacher, establishmentId: school.id, campaign: form });
  };
  const [shared, other] = [await campaign(), await campaign()];
  strangerCampaign = other.code;
  await Promise.all([healthy(fast.baseUrl), healthy(viaNext.baseUrl)]);
  const build = readBuildEntryPoints();
  pupils = [];
  for (const n of [1, 2]) {
    const id = await user(n);
    await startParticipation({ userId: id, code: shared.code, externalId: null });
    const q = await currentQuestion({ userId: id, campaignId: shared.id });
    if (q.kind !== "question") throw new Error("expected a question");
    pupils.push({ cookie: await logIn(fast.baseUrl, `rapide${n}@example.org`, "Rapide-2026-secret!", build), code: shared.code, first: q.challengeId });
  }
});

afterAll(async () => {
  for (const { child } of servers) {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  }
});

type Sent = { code: string; cookie?: string; body: string; headers?: Record<string, string> };
async function post(baseUrl: string, sent: Sent) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", "x-pix-flow": "1", origin: baseUrl, ...sent.headers };
  if (sent.cookie) headers.cookie = sent.cookie;
  const response = await fetch(`${baseUrl}/campagnes/${sent.code}/evaluation`, { method: "POST", headers, body: sent.body, redirect: "manual" });
  const all = Object.fromEntries(response.headers);
  // Not the response's own: the date, the CSP's nonce (fresh each time), how the body's length is given, the connection.
  const { date: _date, "content-length": _length, "transfer-encoding": _encoding, connection: _connection, "keep-alive": _keepAlive, ...kept } = all;
  if (kept["content-security-policy"]) kept["content-security-policy"] = kept["content-security-policy"].replace(/'nonce-[^']+'/g, "'nonce-…'");
  return { status: response.status, headers: kept, body: await response.text() };
}
const SESSION_COOKIE = "next-auth.session-token";
const skip = (code: string, challengeId: string) => new URLSearchParams({ code, challengeId, kind: "fields", intent: "skip" }).toString();

describe("the answer outside Next.js (ADR 0018): the same response as Next.js gives", () => {
  it("the fast path is on in one server only", () => {
    expect(fast.output.join("")).toContain("réponses (hors Next.js)");
    expect(viaNext.output.join("")).not.toContain("hors Next.js");
  });

  it("an answer, then the same answer again through the other path (the replay of a lost reply): same reply, one answer", async () => {
    const [p1, p2] = pupils;
    const first = await post(fast.baseUrl, { code: p1.code, cookie: p1.cookie, body: skip(p1.code, p1.first) });
    const again = await post(viaNext.baseUrl, { code: p1.code, cookie: p1.cookie, body: skip(p1.code, p1.first) });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).show.path).toBe(`/campagnes/${p1.code}/evaluation`);
    expect(again).toEqual(first);
    // The diff of both paths, written down: what Next.js adds (next.config.ts, proxy.ts), the fast path adds too.
    expect(first.headers).toEqual({
      "cache-control": "private, no-store",
      "content-encoding": "gzip",
      "content-type": "application/json",
      "content-security-policy": expect.stringContaining("script-src 'self' 'nonce-…' 'strict-dynamic'"),
      "cross-origin-opener-policy": "same-origin",
      "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
    });
    const other = await post(viaNext.baseUrl, { code: p2.code, cookie: p2.cookie, body: skip(p2.code, p2.first) });
    expect(await post(fast.baseUrl, { code: p2.code, cookie: p2.cookie, body: skip(p2.code, p2.first) })).toEqual(other);
    process.env.DATABASE_URL = databaseUrl;
    const { db } = await import("@/lib/db/client");
    expect(await db.answer.count({ where: { assessment: { participation: { campaign: { code: p1.code } } } } })).toBe(2);
  });

  it("refusals and detours: the same status, body and headers from both paths", async () => {
    const [p1, p2] = pupils;
    const cases: Sent[] = [
      // A form that is not ours: the French 400.
      { code: p1.code, cookie: p1.cookie, body: skip(p1.code, p1.first), headers: { "content-type": "text/plain" } },
      // Sent from another site (defense in depth besides the header): 403.
      { code: p1.code, cookie: p1.cookie, body: skip(p1.code, p1.first), headers: { origin: "https://ailleurs.example" } },
      // Signed out, an unknown code, another pupil's campaign, a forged arrival proof.
      { code: p1.code, body: skip(p1.code, p1.first) },
      { code: "ZZZZZZ999", cookie: p1.cookie, body: skip("ZZZZZZ999", p1.first) },
      { code: strangerCampaign, cookie: p2.cookie, body: skip(strangerCampaign, p1.first) },
      { code: p1.code, cookie: p1.cookie, body: skip(p1.code, "rec-pas-la-question"), headers: { "x-pix-arrival": `${Date.now()}.${"A".repeat(43)}` } },
      // A form over 64 KB from a signed-in pupil: the French 400 (a 408 before).
      { code: p1.code, cookie: p1.cookie, body: `${skip(p1.code, p1.first)}&remplissage=${"a".repeat(70 * 1024)}` },
      // The session cookie twice: the last one decides, a value that does not decode is skipped (as Next.js reads it).
      { code: p1.code, cookie: `${p1.cookie}; ${SESSION_COOKIE}=faux`, body: skip(p1.code, p1.first) },
      { code: p1.code, cookie: `${SESSION_COOKIE}=faux; ${p1.cookie}; ${SESSION_COOKIE}=%E0%A4%A`, body: skip(p1.code, "rec-pas-la-question") },
    ];
    for (const sent of cases) {
      const a = await post(fast.baseUrl, sent);
      const b = await post(viaNext.baseUrl, sent);
      expect({ sent, ...a }).toEqual({ sent, ...b });
    }
    expect((await post(fast.baseUrl, cases[0])).body).toBe("Le formulaire envoyé est incomplet ou invalide : rechargez la page et réessayez.");
    expect((await post(fast.baseUrl, cases[1])).status).toBe(403);
    expect((await post(fast.baseUrl, cases[6])).body).toBe("Le formulaire envoyé est incomplet ou invalide : rechargez la page et réessayez.\n");
    expect(JSON.parse((await post(fast.baseUrl, cases[7])).body).goTo).toMatch(/^\/connexion/);
    expect(JSON.parse((await post(fast.baseUrl, cases[8])).body).message).toMatch(/plus la question en cours/);
  });
});
