import type { Page } from "@playwright/test";
import { test, expect, DEMO, loginToOrga } from "./fixtures";
import { signUpThroughRoster } from "./roster-helpers";

/** Issue 16: the question page is served without Next's client runtime (ADR 0017); what its one script must still do. */

async function newCampaign(page: Page): Promise<string> {
  await loginToOrga(page, DEMO.member);
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByLabel("Nom de la campagne").fill("Page de question légère");
  await page.getByLabel("Que souhaitez-vous tester ?").selectOption({ label: "Parcours de rentrée 3e" });
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  return (await page.getByTestId("campaign-code").textContent())!.trim();
}

async function startTimerIfAsked(page: Page) {
  await expect(page.getByRole("button", { name: /Je valide|Commencer/ }).first()).toBeVisible();
  if (await page.getByRole("button", { name: "Commencer" }).count()) {
    await page.getByRole("button", { name: "Commencer" }).click();
    await expect(page.getByRole("timer")).toBeVisible();
  }
}

test("the question page runs one small script of its own, retries by itself when the server is busy, and signs out from its header", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const code = await newCampaign(page);
  const context = await browser.newContext();
  const pupil = await context.newPage();
  // A pupil of class 4C of the demo roster who never answered anything (no other journey uses her).
  await signUpThroughRoster(pupil, code, { firstName: "Chloé", lastName: "Mérieux", day: "19", month: "04", year: "2013" }, { password: "Ecureuil-Vert-2026" });
  await pupil.getByRole("button", { name: "C'est parti !" }).click();
  await pupil.waitForURL(/\/evaluation$/);
  // No Next.js runtime: the page's only script is ours, with the CSP nonce (a violation would fail the fixture).
  expect(await pupil.evaluate(() => [...document.scripts].map((s) => s.getAttribute("src")))).toEqual(["/scripts/answer-flow.js"]);
  await expect(pupil.getByRole("banner")).toContainText("Chloé");
  await expect(pupil.getByRole("contentinfo").getByRole("link", { name: "Mentions légales" })).toBeVisible();
  await startTimerIfAsked(pupil);
  await expect(pupil.getByRole("heading", { name: "Question 1 sur 5" })).toBeVisible();

  // A gate in front of the app refuses the first try (503, Retry-After): the pupil reads why, the page tries again.
  let refused = 0;
  await pupil.route(`**/campagnes/${code}/evaluation`, async (route) => {
    if (route.request().method() !== "POST" || refused > 0) return route.fallback();
    refused++;
    await route.fulfill({ status: 503, headers: { "retry-after": "3", "content-type": "text/plain; charset=utf-8" }, body: "Trop de monde" });
  });
  await pupil.getByRole("button", { name: "Je passe" }).click();
  await expect(pupil.getByRole("alert")).toContainText("Trop de monde en même temps, votre réponse n'a pas été perdue");
  await expect(pupil.getByRole("button", { name: "Je passe" })).toBeDisabled();
  await expect(pupil.getByRole("heading", { name: /Question 2 sur 5|Question chronométrée/ })).toBeVisible({ timeout: 30_000 });
  expect(refused).toBe(1);
  await pupil.unroute(`**/campagnes/${code}/evaluation`);

  // An empty « Je valide » changes nothing and says why, on the same question.
  await startTimerIfAsked(pupil);
  const challengeId = await pupil.locator("input[name=challengeId]").inputValue();
  await pupil.getByRole("button", { name: "Je valide" }).click();
  await expect(pupil.getByRole("alert")).toHaveText("Pour valider, sélectionnez une réponse. Sinon, passez.");
  expect(await pupil.locator("input[name=challengeId]").inputValue()).toBe(challengeId);

  // « Se déconnecter » in the page's header (a plain form): the session ends.
  await pupil.getByRole("button", { name: "Se déconnecter" }).click();
  await pupil.waitForURL((url) => url.pathname === "/");
  await pupil.goto(`/campagnes/${code}/evaluation`);
  await expect(pupil).toHaveURL(/\/connexion\?retour=/);
  await context.close();
});
