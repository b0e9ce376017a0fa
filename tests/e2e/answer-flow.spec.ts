import type { Page } from "@playwright/test";
import { test, expect, DEMO, loginToOrga } from "./fixtures";
import { signUpThroughRoster } from "./roster-helpers";

/** Issue 15: one request per answer, the next screen swapped in (focus, announcement, address), and a lost reply retried. */

async function newCampaign(page: Page): Promise<string> {
  await loginToOrga(page, DEMO.member);
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByLabel("Nom de la campagne").fill("Réponses sans rechargement");
  await page.getByLabel("Que souhaitez-vous tester ?").selectOption({ label: "Parcours de rentrée 3e" });
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  return (await page.getByTestId("campaign-code").textContent())!.trim();
}

/**
 * A pupil of the demo roster who has never answered anything joins the campaign (a demo pupil such as Ada already
 * knows so much of the 3e parcours that the precision engine would stop at once). Class 4C: no other journey
 * counts its pupils (roster.spec.ts and class-sheet.spec.ts list 6A and 3A).
 */
async function newPupilJoins(page: Page, code: string, identity: { firstName: string; lastName: string; day: string; month: string; year: string }) {
  await signUpThroughRoster(page, code, identity, { password: "Ecureuil-Vert-2026" });
}

/** What the answer path itself sends: not the scripts nor the tab's icon, which the browser fetches when it likes. */
// Static files are not the answer path's traffic: the build's assets, the tab icon, and a question's own images and
// attachments (`/contenu/…`, whichever question the engine picks).
const isPageTraffic = (request: string) => !request.startsWith("GET /_next/static") && !/^GET \/(icon\.svg|favicon\.ico|contenu\/)/.test(request);

/** « Commencer » when a timed question's warning is shown (a request of its own: the timer starts on the server). */
async function startTimerIfAsked(page: Page) {
  await expect(page.getByRole("button", { name: /Je valide|Commencer/ }).first()).toBeVisible();
  if (await page.getByRole("button", { name: "Commencer" }).count()) {
    await page.getByRole("button", { name: "Commencer" }).click();
    await expect(page.getByRole("timer")).toBeVisible();
  }
}

test("answers go one request each, the next question is swapped in with focus and announcement, a lost reply is retried and counted once, the checkpoint's too", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const code = await newCampaign(page);
  const context = await browser.newContext();
  const pupil = await context.newPage();
  await newPupilJoins(pupil, code, { firstName: "Élodie", lastName: "Fèvre", day: "16", month: "05", year: "2013" });
  await pupil.getByRole("button", { name: "C'est parti !" }).click();
  await pupil.waitForURL(/\/evaluation$/);
  await startTimerIfAsked(pupil);
  await expect(pupil.getByRole("heading", { name: "Question 1 sur 5" })).toBeVisible();

  const sent: string[] = [];
  pupil.on("request", (request) => {
    // Link prefetches of the header and footer (Next's router, on idle) are not the answer path's traffic.
    if (request.headers()["next-router-prefetch"]) return;
    if (new URL(request.url()).port === new URL(pupil.url()).port) sent.push(`${request.method()} ${new URL(request.url()).pathname}${request.isNavigationRequest() ? " (page)" : ""}`);
  });
  // Set on this document: still there after an answer means no page was loaded.
  await pupil.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  await pupil.getByRole("button", { name: "Je passe" }).click();
  const second = pupil.getByRole("heading", { name: "Question 2 sur 5" });
  await expect(second).toBeVisible();
  await expect(second).toBeFocused();
  await expect(pupil.locator("[aria-live=polite]").filter({ hasText: "Question 2 sur 5" })).toHaveCount(1);
  expect(sent.filter(isPageTraffic)).toEqual([`POST /campagnes/${code}/evaluation`]);
  expect(await pupil.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // The reply to the second answer is lost on the way back (the server did record it): the page sends it again by
  // itself; the server recognises it, and the pupil is on question 3 — the answer counted once, not twice.
  let lost = 0;
  await pupil.route(`**/campagnes/${code}/evaluation`, async (route) => {
    if (route.request().method() !== "POST" || lost > 0) return route.fallback();
    lost++;
    await route.fetch();
    await route.abort("connectionreset");
  });
  sent.length = 0;
  await startTimerIfAsked(pupil);
  await pupil.getByRole("button", { name: "Je passe" }).click();
  await expect(pupil.getByRole("heading", { name: "Question 3 sur 5" })).toBeVisible({ timeout: 30_000 });
  expect(lost).toBe(1);
  expect(sent.filter((s) => s.startsWith("POST"))).toHaveLength(2);
  await pupil.unroute(`**/campagnes/${code}/evaluation`);

  // On to the checkpoint: it comes with the fifth answer, the address follows, « Continuer » sends nothing.
  // The fifth answer's reply is lost too (ADR 0013 « 07/12 (21) »): the page sends it again, the server finds it
  // recorded, and the pupil still gets its checkpoint (it used to go straight to the next question).
  for (let n = 3; n <= 5; n++) {
    await startTimerIfAsked(pupil);
    let limited = 0;
    if (n === 4) {
      // The load balancer's rate limit (docs/deploy.md: nginx's 429, its own page, nothing reaches the app): the page
      // waits and sends the answer again by itself, as for the gate's 503.
      sent.length = 0;
      await pupil.route(`**/campagnes/${code}/evaluation`, async (route) => {
        if (route.request().method() !== "POST" || limited > 0) return route.fallback();
        limited++;
        await route.fulfill({ status: 429, contentType: "text/html", body: "<html><body><h1>429 Too Many Requests</h1></body></html>" });
      });
    }
    if (n === 5) {
      lost = 0;
      sent.length = 0;
      await pupil.route(`**/campagnes/${code}/evaluation`, async (route) => {
        if (route.request().method() !== "POST" || lost > 0) return route.fallback();
        lost++;
        await route.fetch();
        await route.abort("connectionreset");
      });
    }
    await pupil.getByRole("button", { name: "Je passe" }).click();
    // The next question, or the warning before a timed one (« Question chronométrée », its number above it).
    if (n < 5) await expect(pupil.getByRole("heading", { name: new RegExp(`Question ${n + 1} sur 5|Question chronométrée`) })).toBeVisible({ timeout: 30_000 });
    if (n === 4) {
      expect(limited).toBe(1);
      expect(sent.filter((s) => s.startsWith("POST"))).toHaveLength(2);
      await pupil.unroute(`**/campagnes/${code}/evaluation`);
    }
  }
  const checkpoint = pupil.getByRole("heading", { name: "Avancement" });
  await expect(checkpoint).toBeVisible({ timeout: 30_000 });
  expect(lost).toBe(1);
  expect(sent.filter((s) => s.startsWith("POST"))).toHaveLength(2);
  await pupil.unroute(`**/campagnes/${code}/evaluation`);
  await expect(checkpoint).toBeFocused();
  await expect(pupil).toHaveURL(new RegExp(`/campagnes/${code}/checkpoint$`));
  await expect(pupil.locator("ol > li")).toHaveCount(5);
  await expect(pupil.getByText("Pas de réponse")).toHaveCount(5);
  sent.length = 0;
  await pupil.getByRole("link", { name: "Continuer" }).click();
  await expect(pupil.getByRole("heading", { name: /Question 1 sur 5|Question chronométrée/ })).toBeVisible();
  await expect(pupil).toHaveURL(new RegExp(`/campagnes/${code}/evaluation$`));
  expect(sent.filter(isPageTraffic)).toEqual([]);
  expect(await pupil.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  // A reload shows the same question: the screen swapped in is the server's current one.
  const shown = await pupil.locator("input[name=challengeId]").inputValue().catch(() => null);
  await pupil.reload();
  if (shown) expect(await pupil.locator("input[name=challengeId]").inputValue()).toBe(shown);
  await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a plain form post answers and shows the next question", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const teacher = await browser.newPage();
    const code = await newCampaign(teacher);
    // Signing up is another journey (with JavaScript); this one starts with the pupil's session and no script.
    const setup = await browser.newContext({ javaScriptEnabled: true });
    await newPupilJoins(await setup.newPage(), code, { firstName: "Théo", lastName: "Garçon", day: "26", month: "12", year: "2013" });
    await page.context().addCookies((await setup.storageState()).cookies);
    await setup.close();
    await page.goto(`/campagnes/${code}`);
    await page.getByRole("button", { name: "C'est parti !" }).click();
    await page.waitForURL(/\/evaluation$/);
    if (await page.getByRole("button", { name: "Commencer" }).count()) await page.getByRole("button", { name: "Commencer" }).click();
    await expect(page.getByRole("heading", { name: "Question 1 sur 5" })).toBeVisible();
    await page.getByRole("button", { name: "Je passe" }).click();
    await page.waitForURL(/\/evaluation$/);
    if (await page.getByRole("button", { name: "Commencer" }).count()) await page.getByRole("button", { name: "Commencer" }).click();
    await expect(page.getByRole("heading", { name: "Question 2 sur 5" })).toBeVisible();
  });
});
