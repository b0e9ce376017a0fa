import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { newCampaignCode, signUpThroughRoster } from "./roster-helpers";
import { E2E_DATABASE_URL_FILE, E2E_SECRET, e2ePorts } from "../../scripts/setup/e2e-ports";
import { localProductionEnv } from "../../scripts/setup/local-production-env";

/**
 * Issue 15: the overload path without JavaScript. A second server of the production build on the suite's database,
 * its answer gate saturated for good (ANSWER_GATE_CONCURRENCY=1, ANSWER_GATE_QUEUE=0): its one slot is held by the
 * pupil's « Commencer » in another campaign, waiting inside the database on his assessment's row, which this spec
 * locks (SELECT … FOR UPDATE) from a connection of its own. Not his answer lock, as at first: since ADR 0013
 * « 07/12 (17) » an answer waits at most 500 ms for a lock (then 503), so the slot came free long before the spec
 * released it and the held answer ended 503, not 303 (review15e); the timer's start is a plain UPDATE, unbounded.
 * A pupil without JavaScript answers: the French page keeps the answer; the row released, « Renvoyer ma réponse »
 * records it once and shows the next question.
 */
const port = e2ePorts().saturatedApp;
const origin = `http://localhost:${port}`;
let server: ChildProcess | undefined;
let database: pg.Client;
let serverLog = "";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const databaseUrl = readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim();
  database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  server = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/server.ts"], {
    env: {
      ...localProductionEnv({ appUrl: origin, databaseUrl, secret: E2E_SECRET }),
      PORT: String(port),
      TRUSTED_PROXY_HOPS: "1",
      ANSWER_GATE_CONCURRENCY: "1",
      ANSWER_GATE_QUEUE: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk) => (serverLog += chunk));
  server.stderr?.on("data", (chunk) => (serverLog += chunk));
  for (let i = 0; ; i++) {
    const up = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 300 || server.exitCode !== null) throw new Error(`Le serveur saturé n'a pas démarré :\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await database?.end();
});

/** On the question page (« Commencer » first when a timed question's warning is shown, a plain form too): its id. */
async function onAQuestion(page: Page): Promise<string> {
  await expect(page.getByRole("button", { name: /Je valide|Commencer/ }).first()).toBeVisible();
  if (await page.getByRole("button", { name: "Commencer" }).count()) {
    await page.getByRole("button", { name: "Commencer" }).click();
    await expect(page.getByRole("timer")).toBeVisible();
  }
  return page.locator("input[name=challengeId]").inputValue();
}

test("without JavaScript, an answer refused past capacity is kept on a French page and sent again once the server has room", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // Two campaigns of the demo school: Loïc BENOÎT of 6A (no other journey signs him up) answers in the first; his
  // answer in the second is the one that holds the saturated server's slot, waiting on his lock.
  const first = await newCampaignCode(page, "6A – sans JavaScript");
  // The teacher is signed in: the second one straight from the creation form.
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByLabel("Nom de la campagne").fill("6A – sans JavaScript (bis)");
  await page.getByLabel("Que souhaitez-vous tester ?").selectOption({ label: "Parcours de rentrée 5e" });
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "6A – sans JavaScript (bis)" })).toBeVisible();
  const second = (await page.getByTestId("campaign-code").textContent())!.trim();
  const setup = await browser.newContext();
  const loic = await setup.newPage();
  const email = `loic.benoit.${Date.now()}@example.org`;
  await signUpThroughRoster(loic, first, { firstName: "Loïc", lastName: "Benoît", day: "06", month: "12", year: "2015" }, { email, password: "Ecureuil-Vert-2026" });
  await loic.getByRole("button", { name: "C'est parti !" }).click();
  await loic.waitForURL(/\/evaluation$/);
  await loic.goto(`/campagnes/${second}`);
  await loic.getByRole("button", { name: "C'est parti !" }).click();
  await loic.waitForURL(/\/evaluation$/);
  const { rows } = await database.query<{ id: number }>("SELECT id FROM users WHERE email = $1", [email]);
  const userId = rows[0].id;

  // From now on, no JavaScript, on the saturated server (same host: the session cookie goes with him).
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await setup.storageState(), baseURL: origin, viewport: { width: 390, height: 844 } });
  await setup.close();
  const pupil = await context.newPage();
  await pupil.goto(`/campagnes/${second}/evaluation`);
  // Its question as shown, timer not started (« Commencer » not clicked): the start below has a row to update.
  const holding = await pupil.locator("input[name=challengeId]").first().inputValue();
  await pupil.goto(`/campagnes/${first}/evaluation`);
  const challengeId = await onAQuestion(pupil);
  const choices = pupil.locator("input[name=choice]");
  const fields = pupil.locator("input[name^='field:']");
  // Quotes and markup in what the pupil typed: kept as text by the page, sent back as typed.
  const typed = `"><script>alert(1)</script> l'été`;
  const isFields = (await fields.count()) > 0;
  if ((await choices.count()) > 0) await choices.first().check();
  for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill(typed);

  // The slot taken: his « Commencer » in the other campaign, waiting inside the database on his assessment's row.
  const holder = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim() });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query(
    "SELECT s.id FROM assessments s JOIN participations p ON p.id = s.participation_id JOIN campaigns c ON c.id = p.campaign_id WHERE s.user_id = $1 AND c.code = $2 FOR UPDATE OF s",
    [userId, second],
  );
  const held = fetch(`${origin}/campagnes/${second}/evaluation`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin, cookie: (await context.cookies(origin)).map((c) => `${c.name}=${c.value}`).join("; ") },
    body: new URLSearchParams({ code: second, challengeId: holding, intent: "start-timer" }).toString(),
    redirect: "manual",
  });
  const waitingOnTheRow = async () =>
    Number((await database.query(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%update%"assessments"%'`)).rows[0].count);
  try {
    await expect.poll(waitingOnTheRow, { timeout: 20_000 }).toBe(1);

    // « Je valide »: refused by the gate. The page says why, keeps the answer, offers to send it again.
    const refusal = pupil.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/campagnes/${first}/evaluation`));
    await pupil.getByRole("button", { name: "Je valide" }).click();
    const refused = await refusal;
    expect(refused.status()).toBe(503);
    expect(refused.headers()["retry-after"]).toBe("2");
    expect(refused.headers()["cache-control"]).toBe("no-store");
    // The app's security headers, as on its pages (the gate answers before proxy.ts).
    expect(refused.headers()["content-security-policy"]).toContain("form-action 'self'");
    expect(refused.headers()["x-content-type-options"]).toBe("nosniff");
    await expect(pupil).toHaveTitle("Trop de monde en même temps | Pix Libre");
    await expect(pupil.locator("html")).toHaveAttribute("lang", "fr");
    await expect(pupil.getByRole("heading", { level: 1, name: "Trop de monde en même temps" })).toBeVisible();
    await expect(pupil.getByRole("alert")).toHaveText("Trop de monde en même temps, votre réponse n'a pas été perdue : réessayez dans quelques secondes.");
    await expect(pupil.getByRole("link", { name: "Revenir à la question" })).toHaveAttribute("href", `/campagnes/${first}/evaluation`);
    // The app's look: its stylesheet came with the page.
    expect(await pupil.locator("link[rel=stylesheet]").count()).toBeGreaterThan(0);
    expect(await pupil.getByRole("button", { name: "Renvoyer ma réponse" }).evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    // What he typed is in the form as text (never markup), and nothing is recorded yet.
    expect(await pupil.locator("script").count()).toBe(0);
    if (isFields) expect(await pupil.locator("input[type=hidden][name^='field:']").first().inputValue()).toBe(typed);
    else expect(await pupil.locator("input[type=hidden][name=choice]").inputValue()).toBe("1");
    expect(await pupil.locator("input[type=hidden][name=challengeId]").inputValue()).toBe(challengeId);
    // The answer it will send again, in words above the button (ADR 0013 « 07/12 (21) »), as text.
    const summary = pupil.locator("[data-answer-summary]");
    if (isFields) await expect(summary).toContainText(typed);
    else await expect(summary).toContainText("la proposition n° 1");
    const answered = async () =>
      Number(
        (
          await database.query(
            "SELECT count(*) FROM answers a JOIN assessments s ON s.id = a.assessment_id JOIN participations p ON p.id = s.participation_id JOIN campaigns c ON c.id = p.campaign_id WHERE s.user_id = $1 AND c.code = $2 AND a.challenge_id = $3",
            [userId, first, challengeId],
          )
        ).rows[0].count,
      );
    expect(await answered()).toBe(0);
  } finally {
    await holder.query("ROLLBACK");
    await holder.end();
  }
  // The other answer goes through (303 to its next page) and frees the slot.
  expect((await held).status).toBe(303);

  // « Renvoyer ma réponse »: recorded once, and the next screen (a question, a timed question's warning, or a checkpoint).
  await pupil.getByRole("button", { name: "Renvoyer ma réponse" }).click();
  await expect(pupil).toHaveURL(new RegExp(`/campagnes/${first}/(evaluation|checkpoint)$`));
  await expect(pupil.getByRole("heading", { level: 1 })).not.toHaveText("Trop de monde en même temps");
  if (new URL(pupil.url()).pathname.endsWith("/evaluation")) expect(await pupil.locator("input[name=challengeId]").first().inputValue()).not.toBe(challengeId);
  const { rows: recorded } = await database.query<{ value: unknown }>(
    "SELECT a.value FROM answers a JOIN assessments s ON s.id = a.assessment_id JOIN participations p ON p.id = s.participation_id JOIN campaigns c ON c.id = p.campaign_id WHERE s.user_id = $1 AND c.code = $2 AND a.challenge_id = $3",
    [userId, first, challengeId],
  );
  expect(recorded).toHaveLength(1);
  // The answer he gave, not an empty one: his text, or his choice.
  expect(JSON.stringify(recorded[0].value)).not.toBe("null");
  if (isFields) expect(JSON.stringify(recorded[0].value)).toContain("alert(1)");
  const { rows: assessment } = await database.query<{ answers_count: number }>(
    "SELECT s.answers_count FROM assessments s JOIN participations p ON p.id = s.participation_id JOIN campaigns c ON c.id = p.campaign_id WHERE s.user_id = $1 AND c.code = $2",
    [userId, first],
  );
  expect(assessment[0].answers_count).toBe(1);
  await context.close();
});
