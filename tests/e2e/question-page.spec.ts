import type { Page } from "@playwright/test";
import { test, expect, DEMO, loginToOrga, orgaCampaignSearch } from "./fixtures";
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
  // A pupil of class 6A of the demo roster who never answered anything and whom no other journey uses (Chloé MÉRIEUX
  // of 4C is the GAR spec's). With an e-mail: a personal account, which roster.spec.ts's 6A username sheet leaves out.
  await signUpThroughRoster(pupil, code, { firstName: "Jean-Éric", lastName: "Martin", day: "09", month: "10", year: "2015" }, { email: `jean-eric.martin.${Date.now()}@example.org`, password: "Ecureuil-Vert-2026" });
  await pupil.getByRole("button", { name: "C'est parti !" }).click();
  await pupil.waitForURL(/\/evaluation$/);
  // No Next.js runtime: the page's only script is ours, with the CSP nonce (a violation would fail the fixture).
  expect(await pupil.evaluate(() => [...document.scripts].map((s) => s.getAttribute("src")))).toEqual(["/scripts/answer-flow.js"]);
  await expect(pupil.getByRole("banner")).toContainText("Jean-Éric");
  await expect(pupil.getByRole("contentinfo").getByRole("link", { name: "Mentions légales" })).toBeVisible();
  await startTimerIfAsked(pupil);
  await expect(pupil.getByRole("heading", { name: "Question 1 sur 5" })).toBeVisible();

  // A gate in front of the app refuses the first try (503, Retry-After): the pupil reads why, the page tries again,
  // sending back the refusal's proof of the answer's first arrival (X-Pix-Arrival; the server checks it, this one it ignores).
  let refused = 0;
  const retriedWith: (string | null)[] = [];
  await pupil.route(`**/campagnes/${code}/evaluation`, async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    if (refused > 0) {
      retriedWith.push(await route.request().headerValue("x-pix-arrival"));
      return route.fallback();
    }
    refused++;
    await route.fulfill({ status: 503, headers: { "retry-after": "3", "content-type": "text/plain; charset=utf-8", "x-pix-arrival": "1765000000000.preuve-de-la-passerelle" }, body: "Trop de monde" });
  });
  await pupil.getByRole("button", { name: "Je passe" }).click();
  await expect(pupil.getByRole("alert")).toContainText("Trop de monde en même temps, votre réponse n'a pas été perdue");
  await expect(pupil.getByRole("button", { name: "Je passe" })).toBeDisabled();
  await expect(pupil.getByRole("heading", { name: /Question 2 sur 5|Question chronométrée/ })).toBeVisible({ timeout: 30_000 });
  expect(refused).toBe(1);
  expect(retriedWith).toEqual(["1765000000000.preuve-de-la-passerelle"]);
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

test("a timed question: the warning, « Commencer » sent by the script, a countdown that stays in view on a phone, then the next question", async ({ browser }) => {
  test.setTimeout(120_000);
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await loginToOrga(teacher, DEMO.member);
  await teacher.goto(orgaCampaignSearch("Démo – Rentrée 4e A"));
  const code = (await teacher.getByRole("row", { name: /Démo – Rentrée 4e A/ }).getByRole("cell").first().textContent())!.trim();
  await teacherContext.close();

  // The demo leaves Mary Jackson in front of a timed question (lib/db/seed/demo-results.ts), whatever the engine picked.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: true });
  const pupil = await context.newPage();
  await pupil.goto(`/connexion?retour=/campagnes/${code}`);
  await pupil.getByLabel("Adresse e-mail ou identifiant").fill("mary.jackson@example.org");
  await pupil.getByLabel("Mot de passe").fill(DEMO.password);
  await pupil.getByRole("button", { name: "Je me connecte" }).click();
  await pupil.waitForURL(/\/evaluation$/);
  await expect(pupil.getByText(/Vous disposerez de \d+ secondes pour réussir la question suivante/)).toBeVisible();
  const requests: string[] = [];
  pupil.on("request", (request) => {
    if (request.resourceType() === "document" || request.method() === "POST") requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  await pupil.getByRole("button", { name: "Commencer" }).click();
  const timer = pupil.getByRole("timer");
  await expect(timer).toBeVisible();
  // One POST, no page load: the script swapped the question in, its countdown running.
  expect(requests).toEqual([`POST /campagnes/${code}/evaluation`]);
  const first = await timer.textContent();
  await expect.poll(async () => timer.textContent(), { timeout: 5_000 }).not.toBe(first);

  // Scrolled to the end of a long question, the countdown is still on screen.
  await pupil.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const box = await timer.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(844);

  // « Je passe »: the timed question is over, the pupil moves on (another question, its warning, or a checkpoint).
  const timedChallenge = await pupil.locator("input[name=challengeId]").first().inputValue();
  await pupil.getByRole("button", { name: "Je passe" }).click();
  await expect
    .poll(async () => (new URL(pupil.url()).pathname.endsWith("/checkpoint") ? "checkpoint" : pupil.locator("input[name=challengeId]").first().inputValue()), { timeout: 30_000 })
    .not.toBe(timedChallenge);
  await context.close();
});

// Found by the review of issues 14 and 16: the sign-in redirect was built from the raw code of the address.
test("an anonymous visit with an odd code in the address is sent to the sign-in page, never a 500, with one « retour »", async ({ request }) => {
  for (const code of ["%E2%82%AC", "%E2%80%AE", "AB%E2%82%ACCD"]) {
    const response = await request.get(`/campagnes/${code}/evaluation`, { maxRedirects: 0 });
    expect(response.status(), `/campagnes/${code}/evaluation`).toBe(307);
  }
  const smuggled = await request.get("/campagnes/abc%26retour%3Dhttps%3A%2F%2Fevil.example/evaluation", { maxRedirects: 0 });
  const location = new URL(smuggled.headers()["location"] ?? "", "http://localhost");
  expect(location.pathname).toBe("/connexion");
  expect(location.searchParams.getAll("retour")).toHaveLength(1);
  // Given twice anyway, « retour » is ambiguous: the sign-in page falls back to the home page instead of failing.
  const twice = await request.get("/connexion?retour=/campagnes/ABC&retour=https://evil.example");
  expect(twice.status()).toBe(200);
});
