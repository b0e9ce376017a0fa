/**
 * The pupils' sessions, obtained through the real login: the recorder signed in once in Chromium through the
 * login page, and each pupil replays those same requests (today the login page, then the login server action
 * posted as the page posts it, with its Next-Action header; a token an earlier response gave is taken from the
 * pupil's own response: the replay follows whatever the recording holds) with their own login. The app checks
 * the password under its login limits and sets its cookies (session, device) as for a browser. Nothing is minted
 * with the app's secret and no production setting is relaxed: the login limits count failures only
 * (lib/auth/authenticate.ts), so 1,200 pupils signing in from one address is what a school network behind one
 * public address looks like, and spends nothing. (Driving Chromium for each of 1,200 pupils took more than 20 minutes on a loaded
 * 2-core machine: the replay takes a few minutes.) Sessions last 12 h: they are kept in
 * .data/bench-answers/sessions.json per account (e-mail and id) and reused for 10 h by later runs of the same
 * template (a new template is new accounts, whose session versions the old cookies do not carry).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type http from "node:http";
import { performance } from "node:perf_hooks";
import { CookieJar } from "./http-client";
import { replayInteraction } from "./replay";
import { SESSIONS_FILE, STATE_DIR } from "./settings";
import { readTemplateStamp } from "./template-stamp";
import type { Shape } from "./shape";

/** A session is the pupil's account id signed by the app: kept per (e-mail, account id). */
type SessionCache = { obtainedAt: string; template: string | null; cookies: Record<string, Record<string, string>> };
const REUSE_HOURS = 10;
const keyOf = (account: { email: string; userId: number }) => `${account.email}#${account.userId}`;
const currentTemplate = () => readTemplateStamp()?.generatedAt ?? null;

function readCache(): SessionCache | null {
  try {
    const cache = JSON.parse(readFileSync(SESSIONS_FILE, "utf8")) as SessionCache;
    const ageHours = (Date.now() - Date.parse(cache.obtainedAt)) / 3_600_000;
    return ageHours < REUSE_HOURS && cache.template === currentTemplate() ? cache : null;
  } catch {
    return null;
  }
}

/** Signs one pupil in by replaying the recorded login; returns the cookies the app set. */
export async function logIn(input: { agent: http.Agent; baseUrl: URL; shape: Shape; login: string }): Promise<Record<string, string>> {
  const jar = new CookieJar();
  const result = await replayInteraction({
    agent: input.agent, baseUrl: input.baseUrl, jar, interaction: input.shape.login.interaction,
    to: { code: "", challengeId: null, login: input.login }, anchors: [], timeoutMs: 60_000, skipBackground: true,
    recorded: { origin: input.shape.origin, login: input.shape.login.value },
  });
  if (result.failed) throw new Error(`connexion refusée (HTTP ${result.failed.status}) pour ${input.login}`);
  if (![...jar.cookies.keys()].some((name) => /session/i.test(name))) throw new Error(`pas de cookie de session après la connexion de ${input.login}`);
  return Object.fromEntries(jar.cookies);
}

/** Cookies per pupil e-mail, from the cache or from a login of every pupil. */
export async function obtainSessions(input: { agent: http.Agent; baseUrl: URL; shape: Shape; accounts: { email: string; userId: number }[]; concurrency?: number; fresh?: boolean }): Promise<Map<string, Record<string, string>>> {
  const cached = input.fresh ? null : readCache();
  const result = new Map<string, Record<string, string>>();
  for (const account of input.accounts) {
    const cookies = cached?.cookies[keyOf(account)];
    if (cookies) result.set(account.email, cookies);
  }
  const missing = input.accounts.map((a) => a.email).filter((e) => !result.has(e));
  if (missing.length === 0) return result;
  console.log(`Connexion de ${missing.length} élèves (requêtes de la page de connexion enregistrées, rejouées)…`);
  const started = performance.now();
  const queue = [...missing];
  let done = 0;
  await Promise.all(
    Array.from({ length: input.concurrency ?? 8 }, async () => {
      for (let email = queue.shift(); email; email = queue.shift()) {
        result.set(email, await logIn({ agent: input.agent, baseUrl: input.baseUrl, shape: input.shape, login: email }));
        if (++done % 200 === 0) console.log(`  ${done}/${missing.length} (${(done / ((performance.now() - started) / 1000)).toFixed(1)} connexions/s)`);
      }
    }),
  );
  mkdirSync(STATE_DIR, { recursive: true });
  const fresh = Object.fromEntries(input.accounts.filter((a) => missing.includes(a.email)).map((a) => [keyOf(a), result.get(a.email)!]));
  const all: SessionCache = { obtainedAt: cached?.obtainedAt ?? new Date().toISOString(), template: currentTemplate(), cookies: { ...(cached?.cookies ?? {}), ...fresh } };
  writeFileSync(SESSIONS_FILE, JSON.stringify(all));
  console.log(`${missing.length} sessions obtenues en ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return result;
}
