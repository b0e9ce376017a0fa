import type { Browser, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { newCampaignCode, signUpThroughRoster } from "./roster-helpers";

/**
 * Issue 17 §1, « Suivi en direct »: a teacher watches class 6B while two pupils of the demo roster answer; the table
 * changes within 2 s of each answer the pupil's page acknowledged, and after a pupil's network drop and return.
 * Class 6B: Anne-Sophie ROUSSEAU and Théo GARÇON (6B, born 25/10/2015) are used by no other journey (gar.spec.ts takes
 * Hélène FAURE of 6B, answer-flow.spec.ts the 4C pupils); only this spec's own campaign is counted.
 */
const PUPILS = [
  { identity: { firstName: "Anne-Sophie", lastName: "Rousseau", day: "25", month: "03", year: "2015" }, row: /ROUSSEAU Anne-Sophie/ },
  { identity: { firstName: "Théo", lastName: "Garçon", day: "25", month: "10", year: "2015" }, row: /GARÇON Théo/ },
];
const WITHIN = { timeout: 2_000 };

async function pupilStarts(browser: Browser, code: string, identity: (typeof PUPILS)[number]["identity"]): Promise<Page> {
  // A fresh context of its own (no teacher session); nothing of test.use to inherit in this file.
  const page = await (await browser.newContext()).newPage();
  await signUpThroughRoster(page, code, identity, { password: "Ecureuil-Bleu-2026" });
  return page;
}

/** « Commencer » when a timed question's warning is shown, then the question is on screen. */
async function questionShown(pupil: Page, number: number) {
  await expect(pupil.getByRole("button", { name: /Je valide|Commencer/ }).first()).toBeVisible({ timeout: 30_000 });
  if (await pupil.getByRole("button", { name: "Commencer" }).count()) await pupil.getByRole("button", { name: "Commencer" }).click();
  await expect(pupil.getByRole("heading", { name: `Question ${number} sur 5` })).toBeVisible({ timeout: 30_000 });
}

test("the teacher's live table follows two pupils within 2 s of each answer, and after a pupil's network drop", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const code = await newCampaignCode(page, "6B – suivi en direct");
  await page.getByRole("link", { name: "Suivi en direct" }).click();
  await page.getByLabel("Classe").selectOption("6B");
  await page.getByRole("button", { name: "Afficher" }).click();
  await page.waitForURL(/\/suivi\?classe=6B$/);
  await expect(page.getByTestId("live-mode")).toHaveAttribute("data-mode", "direct");
  const table = page.getByRole("table", { name: /Avancement des élèves/ });
  const rows = PUPILS.map((p) => table.getByRole("row", { name: p.row }));
  for (const row of rows) await expect(row.getByTestId("live-stage")).toHaveText("Pas commencé");
  await expect(page.getByTestId("count-started")).toHaveText("0");

  const pupils: Page[] = [];
  for (const [i, p] of PUPILS.entries()) {
    const pupil = await pupilStarts(browser, code, p.identity);
    await pupil.getByRole("button", { name: "C'est parti !" }).click();
    await questionShown(pupil, 1);
    await expect(rows[i].getByTestId("live-stage")).toHaveText("Question 1", WITHIN);
    await expect(page.getByTestId("count-started")).toHaveText(String(i + 1), WITHIN);
    pupils.push(pupil);
  }

  // Each pupil answers: the line changes within 2 s of the answer acknowledged on the pupil's screen.
  for (const [i, pupil] of pupils.entries()) {
    await pupil.getByRole("button", { name: "Je passe" }).click();
    await questionShown(pupil, 2);
    await expect(rows[i].getByTestId("live-answers")).toHaveText("1", WITHIN);
    await expect(rows[i].getByTestId("live-stage")).toHaveText("Question 2", WITHIN);
  }
  await expect(page.getByTestId("count-in-progress")).toHaveText("2");
  // The polite live region sums up the counters (one sentence, not one per pupil).
  await expect(page.getByTestId("live-announcement")).toContainText("sur");

  // The second pupil's network drops while answering: nothing is recorded, the teacher's line does not move…
  const [, second] = pupils;
  await second.context().setOffline(true);
  await second.getByRole("button", { name: "Je passe" }).click();
  await second.waitForTimeout(1_500);
  await expect(rows[1].getByTestId("live-answers")).toHaveText("1");
  // … and when it comes back, the page sends the answer again by itself: the line follows within 2 s.
  await second.context().setOffline(false);
  await questionShown(second, 3);
  await expect(rows[1].getByTestId("live-answers")).toHaveText("2", WITHIN);
  await expect(rows[0].getByTestId("live-answers")).toHaveText("1");
  for (const pupil of pupils) await pupil.context().close();
});

test("when the event stream cannot get through, the page polls the JSON route by itself", async ({ page }) => {
  await newCampaignCode(page, "Suivi sans flux");
  const campaignPath = new URL(page.url()).pathname;
  // A proxy that kills the stream: EventSource gives up (or keeps failing), the page must fall back to polling.
  await page.route("**/suivi/flux**", (route) => route.abort("connectionrefused"));
  const polled = page.waitForResponse((response) => /\/api\/campagnes\/\d+\/suivi$/.test(new URL(response.url()).pathname) && response.status() === 200, { timeout: 15_000 });
  await page.goto(`${campaignPath}/suivi`);
  await expect(page.getByTestId("live-mode")).toHaveAttribute("data-mode", "interrogation", { timeout: 10_000 });
  await expect(page.getByTestId("live-mode")).toHaveText("Mise à jour toutes les 5 secondes");
  expect((await (await polled).json()) as object).toMatchObject({ lines: [], counters: { expected: 0 } });
});

test("past 6 streams of one account the server refuses the stream (429) and the page polls; a closed stream frees its slot", async ({ page }) => {
  await newCampaignCode(page, "Suivi trop d'onglets");
  const campaignPath = new URL(page.url()).pathname;
  const campaignId = /\/orga\/campagnes\/(\d+)/.exec(campaignPath)![1];
  // Six streams held by the same account outside the browser (a browser holds at most 6 HTTP/1.1 connections a host).
  // Each response stays referenced until the end: Node's fetch closes the connection of a response the garbage
  // collector reclaims, which freed a slot mid-test now and then (the 7th stream then got 200).
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const origin = new URL(page.url()).origin;
  const held = await Promise.all(
    Array.from({ length: 6 }, async () => {
      const abort = new AbortController();
      const response = await fetch(`${origin}/api/campagnes/${campaignId}/suivi/flux`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
      expect(response.status).toBe(200);
      return { abort, response };
    }),
  );
  try {
    const refused = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith("/suivi/flux"));
    await page.goto(`${campaignPath}/suivi`);
    const response = await refused;
    expect(response.status()).toBe(429);
    // The refusal's text, read outside the browser (Chromium does not always keep the body of a refused event stream).
    const seventh = await fetch(`${origin}/api/campagnes/${campaignId}/suivi/flux`, { headers: { cookie, accept: "text/event-stream" } });
    expect(seventh.status).toBe(429);
    expect(await seventh.json()).toEqual({ error: "Trop de suivis en direct ouverts avec ce compte : fermez un des onglets du suivi." });
    await expect(page.getByTestId("live-mode")).toHaveAttribute("data-mode", "interrogation", { timeout: 10_000 });
  } finally {
    for (const { abort, response } of held) {
      abort.abort();
      await response.body?.cancel().catch(() => undefined);
    }
  }
  // The six closed (their sockets gone): the next page gets its stream.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("live-mode")).toHaveAttribute("data-mode", "direct", { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
});
