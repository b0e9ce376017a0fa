/**
 * Weight and speed of the question page (issue 16): a pupil's first visit to `/campagnes/CODE/evaluation` in
 * Chromium, against the production build (run `npm run build` first).
 *   - JavaScript: the sum of the gzip sizes of every script the first visit loads (cold cache), chunk by chunk;
 *   - LCP under slow 4G (Lighthouse's DevTools values: 562.5 ms RTT, 1.47 Mbit/s down, 675 kbit/s up) and a 4× slower
 *     CPU, both through the Chrome DevTools Protocol; several cold runs, median and worst.
 * Targets: ≤ 120 KB of gzip JavaScript, LCP ≤ 2.5 s. Starts its own embedded PostgreSQL (demo school) and server.
 *   npx tsx --conditions=react-server bench/question-page/run.ts [--runs 5] [--port 3430] [--chunks]
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { localProductionEnv } from "../../scripts/setup/local-production-env";
import { prepareDatabase } from "../../scripts/setup/prepare-database";

const TARGET_JS_KB = 120;
const TARGET_LCP_MS = 2500;
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const runs = argument("runs", 5);
const port = argument("port", 3430);
const showChunks = process.argv.includes("--chunks");
const baseUrl = `http://localhost:${port}`;
// Lighthouse's "slow 4G" as DevTools applies it (its `devtools` throttling preset).
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const PUPIL = { login: "charles.babbage@example.org", password: "Pix12345" };
const CAMPAIGN = "4e B – Sécurité numérique";

if (!existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("Aucune build trouvée : lancez `npm run build` d'abord.");
  process.exit(1);
}

const database = await startEmbeddedPostgres({ name: "bench-question-page", database: "pix_bench_question", fresh: true, quiet: true });
await prepareDatabase(database.url, { demo: true });
const server = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/server.ts"], {
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...localProductionEnv({ appUrl: baseUrl, databaseUrl: database.url, secret: "bench-secret-bench-secret-bench-secret-bench" }), PORT: String(port) },
});
let browser: Browser | undefined;

try {
  await waitForHealth();
  const code = await campaignCode();
  browser = await chromium.launch({ executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined, args: ["--no-sandbox", "--disable-gpu"] });
  const session = await signedInOnQuestion(browser, code);
  const questionUrl = `${baseUrl}/campagnes/${code}/evaluation`;

  // Weight: a cold first visit without throttling (the bytes do not depend on the network).
  const weight = await scriptWeight(browser, session, questionUrl);
  // Speed: cold visits under slow 4G and a 4× slower CPU.
  const lcps: number[] = [];
  for (let run = 0; run < runs; run++) lcps.push(await throttledLcp(browser, session, questionUrl));

  const sorted = [...lcps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const totalKb = weight.reduce((sum, chunk) => sum + chunk.gzip, 0) / 1024;
  const rawKb = weight.reduce((sum, chunk) => sum + chunk.raw, 0) / 1024;
  console.log(`Page de question (${questionUrl.replace(code, "CODE")}), première visite, cache vide, build de production`);
  console.log(`JavaScript : ${weight.length} scripts, ${totalKb.toFixed(1)} Ko gzip (${rawKb.toFixed(1)} Ko non compressés) — cible ≤ ${TARGET_JS_KB} Ko gzip : ${totalKb <= TARGET_JS_KB ? "atteinte" : "NON atteinte"}`);
  if (showChunks) {
    for (const chunk of [...weight].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${(chunk.gzip / 1024).toFixed(1).padStart(6)} Ko gzip  ${(chunk.raw / 1024).toFixed(1).padStart(6)} Ko  ${chunk.url}`);
  }
  console.log(`LCP (slow 4G : ${SLOW_4G.latency} ms RTT, ${((SLOW_4G.downloadThroughput * 8) / 1e6).toFixed(2)} Mbit/s ; CPU ×${CPU_SLOWDOWN}), ${runs} visites à froid : médiane ${(median / 1000).toFixed(2)} s, pire ${(sorted.at(-1)! / 1000).toFixed(2)} s [${lcps.map((ms) => (ms / 1000).toFixed(2)).join(", ")}] — cible ≤ ${TARGET_LCP_MS / 1000} s : ${median <= TARGET_LCP_MS ? "atteinte" : "NON atteinte"}`);
} finally {
  await browser?.close();
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  await database.stop();
}

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("Le serveur n'a pas démarré.");
}

async function campaignCode(): Promise<string> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ code: string }>("SELECT code FROM campaigns WHERE name = $1 AND deleted_at IS NULL", [CAMPAIGN]);
    if (!rows[0]) throw new Error(`Campagne de démonstration « ${CAMPAIGN} » introuvable.`);
    return rows[0].code;
  } finally {
    await client.end();
  }
}

/** The demo pupil signs in and starts the campaign: the session (cookies) of a pupil whose next page is a question. */
async function signedInOnQuestion(b: Browser, code: string) {
  const context = await b.newContext({ baseURL: baseUrl, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await page.goto(`/connexion?retour=/campagnes/${code}`);
  await page.getByLabel("Adresse e-mail ou identifiant").fill(PUPIL.login);
  await page.getByLabel("Mot de passe").fill(PUPIL.password);
  await page.getByRole("button", { name: "Je me connecte" }).click();
  await page.waitForURL(new RegExp(`/campagnes/${code}`));
  await page.getByRole("button", { name: "C'est parti !" }).click();
  await page.waitForURL(/\/evaluation$/);
  await page.getByRole("button", { name: /Je valide|Commencer/ }).first().waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

async function freshContext(b: Browser, session: Awaited<ReturnType<typeof signedInOnQuestion>>): Promise<BrowserContext> {
  // A new context has an empty HTTP cache: every visit is a first visit.
  return b.newContext({ storageState: session, locale: "fr-FR", timezoneId: "Europe/Paris", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}

/** Every script of the first visit, its size as served and gzip-compressed (level 6, what servers use by default). */
async function scriptWeight(b: Browser, session: Awaited<ReturnType<typeof signedInOnQuestion>>, url: string) {
  const context = await freshContext(b, session);
  const page = await context.newPage();
  const scripts: Promise<{ url: string; raw: number; gzip: number }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(response.body().then((body) => ({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 6 }).length })));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  assertQuestionPage(page.url());
  // The question itself, not an error page that would weigh nothing.
  await page.getByRole("button", { name: /Je valide|Commencer/ }).first().waitFor({ timeout: 10_000 });
  const all = await Promise.all(scripts);
  await context.close();
  return all;
}

/** One cold visit under slow 4G and a slower CPU: the largest contentful paint, as the browser reports it. */
async function throttledLcp(b: Browser, session: Awaited<ReturnType<typeof signedInOnQuestion>>, url: string): Promise<number> {
  const context = await freshContext(b, session);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  assertQuestionPage(page.url());
  // LCP is final once the page is loaded and idle; a buffered observer reads the last candidate.
  await page.waitForTimeout(1000);
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1].startTime);
        }).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => resolve(Number.NaN), 5000);
      }),
  );
  await context.close();
  if (Number.isNaN(lcp)) throw new Error("Chromium n'a donné aucun LCP pour la page de question.");
  return lcp;
}

function assertQuestionPage(url: string) {
  if (!/\/evaluation$/.test(new URL(url).pathname)) throw new Error(`La visite n'a pas abouti à la page de question : ${url}`);
}
