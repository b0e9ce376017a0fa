/**
 * The authorization matrix (issue 12): every page, route handler and server action of the production build, called
 * as {anonymous, pupil A1, pupil A2, MEMBER A, ADMIN A, ADMIN B} with school A's and pupil A1's ids.
 * Phase 1: whoever is not allowed gets no 5xx, no data of others, no session, and the database does not change.
 * Phase 2: the allowed calls really work (so that phase 1 does not pass because a call was malformed).
 * How to add an entry point: tests/matrix/README.md.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROWS } from "./rows";
import { readBuildEntryPoints } from "./support/entry-points";
import { expectAllowed, expectRefused, type CallRecord, type MatrixContext } from "./support/execute";
import { DatabaseProbe } from "./support/fingerprint";
import { bodyOf, callRoute } from "./support/http";
import { actionFuzz, pageFuzz, routeFuzz, type FuzzRequest } from "./support/http-fuzz";
import type { Call, Proof } from "./support/matrix";
import { ACTORS, type ActorName } from "./support/world";

const world = inject("matrixWorld");
const build = readBuildEntryPoints();
const records: CallRecord[] = [];
const started = Date.now();
let context: MatrixContext;

const asArray = (calls: Call | Call[]) => (Array.isArray(calls) ? calls : [calls]);
/** Phase 1 also posts every action the way a browser without JavaScript does. */
const withNoJsVariant = (call: Call): Call[] => ("action" in call && !call.noJs ? [call, { ...call, noJs: true }] : [call]);

/** A concrete URL for a route pattern, to find its methods. */
function concrete(pattern: string): string {
  return pattern
    .replace("[...nextauth]", "session")
    .replace("[id]", String(world.campaigns.a1.id))
    .replace("[participationId]", String(world.participations.a1Shared))
    .replace("[code]", world.campaigns.a1.code);
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
let routeEntries: string[] = [];

beforeAll(async () => {
  context = {
    baseUrl: inject("matrixBaseUrl"),
    world,
    build,
    cookies: inject("matrixCookies"),
    database: await DatabaseProbe.connect(inject("matrixDatabaseUrl")),
  };
  // Route handlers: the methods that answer anything but 405 are entry points.
  for (const pattern of build.routes) {
    for (const method of METHODS) {
      const result = await callRoute(context.baseUrl, { method, path: concrete(pattern) }, undefined);
      if (result.status !== 405) routeEntries.push(`${method} ${pattern}`);
    }
  }
  await context.database.keepCopy();
  context.baseline = await context.database.fingerprint();
});

afterAll(async () => {
  await context?.database.close();
  const seconds = (Date.now() - started) / 1000;
  const entryPoints = build.pages.length + routeEntries.length + build.actions.length;
  const summary = { entryPoints, pages: build.pages.length, routes: routeEntries.length, actions: build.actions.length, rows: ROWS.length, calls: records.length, seconds };
  writeFileSync(path.join(".data", "test-reports", "matrix.json"), JSON.stringify({ summary, records }, null, 1));
  console.log(`Matrice d'autorisation : ${entryPoints} points d'entrée (${summary.pages} pages, ${summary.routes} routes×méthodes, ${summary.actions} actions), ${ROWS.length} lignes, ${records.length} appels, ${seconds.toFixed(0)} s.`);
});

describe("the matrix covers the build", () => {
  it("has a row for every page, route handler method and server action of the build, and no row for anything else", () => {
    const built = new Set([...build.pages.map((p) => `page ${p}`), ...routeEntries, ...build.actions.map((a) => `action ${a.key}`)]);
    const declared = new Set(ROWS.map((row) => row.entry));
    const missing = [...built].filter((entry) => !declared.has(entry)).sort();
    const unknown = [...declared].filter((entry) => !built.has(entry)).sort();
    expect(missing, `Points d'entrée de la build sans ligne dans la matrice (voir tests/matrix/README.md) :\n${missing.join("\n")}`).toEqual([]);
    expect(unknown, `Lignes de la matrice qui ne correspondent à rien dans la build :\n${unknown.join("\n")}`).toEqual([]);
  });
});

describe("phase 1: whoever is not allowed gets nothing and changes nothing", () => {
  for (const row of ROWS) {
    it(`${row.entry} — ${row.rule}`, async () => {
      const problems: string[] = [];
      for (const actor of ACTORS.filter((name) => !row.allowed?.[name])) {
        for (const call of asArray(row.probe(world, actor)).flatMap(withNoJsVariant)) {
          const record = await expectRefused(context, row.entry, actor, call, row.refusal);
          records.push(record);
          for (const problem of record.problems) problems.push(`${actor} · ${record.call} → ${problem}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("phase 2: the allowed calls work", () => {
  beforeAll(() => {
    // From here on the world changes on purpose: each call is compared with the state just before it.
    context.baseline = undefined;
  });

  for (const row of ROWS) {
    const allowed = Object.entries(row.allowed ?? {}) as [ActorName, Proof][];
    if (allowed.every(([, proof]) => proof.skip) && !row.controls?.length) continue;
    it(`${row.entry} — ${row.rule}`, async () => {
      const problems: string[] = [];
      for (const [actor, proof] of allowed) {
        if (proof.skip) continue;
        for (const call of asArray(row.probe(world, actor))) {
          const record = await expectAllowed(context, row.entry, actor, call, proof);
          records.push(record);
          for (const problem of record.problems) problems.push(`${actor} · ${record.call} → ${problem}`);
        }
      }
      for (const control of row.controls ?? []) {
        for (const call of asArray(control.call(world))) {
          const record = await expectAllowed(context, row.entry, control.as, call, control.proof);
          records.push(record);
          for (const problem of record.problems) problems.push(`${control.as} · ${record.call} → ${problem}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("pages seen by every actor", () => {
  it("send every form that carries a password with POST, so that no password lands in a URL (finding 12)", () => {
    const pages = [...new Set(records.filter((record) => record.secretFormsByGet > 0).map((record) => `${record.caller} · ${record.call}`))];
    expect(pages, "Formulaires avec un mot de passe envoyés en GET (sans JavaScript, le mot de passe part dans l'adresse)").toEqual([]);
  });
});

describe("HTTP fuzz: hostile bodies, paths and queries never give a 5xx nor hang", () => {
  /**
   * Sends as the anonymous and as ADMIN A (who reaches the most code); a 5xx or no answer within 30 s is a failure.
   * Three requests at a time: nothing here compares the database, and the server has cores to spare while we wait.
   */
  async function fuzz(requests: FuzzRequest[], callers: readonly ("anonymous" | "admin")[] = ["anonymous", "admin"]): Promise<string[]> {
    const queue = callers.flatMap((caller) => requests.map((request) => ({ caller, request })));
    const problems: string[] = [];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { caller, request } = next;
        const cookie = caller === "admin" ? context.cookies.admin : undefined;
        const headers = { origin: context.baseUrl, ...(cookie ? { cookie } : {}), ...(request.init.headers as Record<string, string>) };
        const label = `${caller} · ${request.init.method} ${request.path.slice(0, 80)} (${request.what})`;
        try {
          const response = await fetch(`${context.baseUrl}${request.path}`, { ...request.init, headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
          // An event stream (« Suivi en direct ») never ends by itself: its first event is its answer.
          const body = await bodyOf(response);
          // Three at a time as one ADMIN: a third answer post of the same session meets the answer gate's per-pupil
          // share (ADR 0013 « 07/12 (18) ») and gets its designed refusal — 503, Retry-After, « Trop de monde… » — which
          // the page retries. That one is not a crash; any other 5xx is.
          const isGateRefusal = response.status === 503 && response.headers.has("retry-after") && body.includes("Trop de monde");
          if (response.status >= 500 && !isGateRefusal) problems.push(`${label} → HTTP ${response.status}`);
        } catch (error) {
          problems.push(`${label} → pas de réponse (${(error as Error).name})`);
        }
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    return problems.sort();
  }

  it("server actions", async () => {
    const problems: string[] = [];
    for (const [index, action] of build.actions.entries()) {
      const row = ROWS.find((candidate) => candidate.entry === `action ${action.key}`);
      const requests = await actionFuzz(action, row, world, index);
      // Malformed bodies are refused before any session is read: once, anonymously. Mutated real forms (and the
      // oversized upload) go as ADMIN A, who gets past the permission checks into the action's own parsing.
      const malformed = requests.filter((request) => !request.what.startsWith("formulaire muté"));
      const mutated = requests.filter((request) => request.what.startsWith("formulaire muté") || request.what.startsWith("fichier de"));
      // Signing out as ADMIN A would end the session the rest of the fuzz uses: those forms go anonymously.
      const mutatedAs = action.key.includes("#signOut") ? (["anonymous"] as const) : (["admin"] as const);
      problems.push(...[...(await fuzz(malformed, ["anonymous"])), ...(await fuzz(mutated, mutatedAs))].map((p) => `${action.key} · ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it("route handlers", async () => {
    const problems: string[] = [];
    for (const entry of routeEntries) {
      const [method, pattern] = entry.split(" ");
      problems.push(...(await fuzz(routeFuzz(method, concrete(pattern)))));
    }
    expect(problems).toEqual([]);
  });

  it("pages", async () => {
    const problems: string[] = [];
    for (const pattern of build.pages) problems.push(...(await fuzz(pageFuzz(pattern, concrete(pattern)))));
    expect(problems).toEqual([]);
  });
});
