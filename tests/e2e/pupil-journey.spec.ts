import { test, expect, DEMO, loginToOrga, orgaCampaignSearch } from "./fixtures";
import type { Page } from "@playwright/test";

async function demoCampaignCode(page: Page): Promise<string> {
  await loginToOrga(page, DEMO.member);
  await page.goto(orgaCampaignSearch("4e B – Sécurité numérique"));
  const row = page.getByRole("row", { name: /4e B – Sécurité numérique/ });
  return (await row.getByRole("cell").first().textContent())!.trim();
}

/**
 * Where the pupil is, as a string that changes at every step (page and current question). Read in one
 * go in the page: element handles could be detached by the navigation between two reads.
 */
async function position(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const input = document.querySelector<HTMLInputElement>("input[name=challengeId]");
      const timerStart = [...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === "Commencer") ? 1 : 0;
      return `${location.pathname}|${input?.value ?? ""}|${timerStart}`;
    })
    .catch(() => "navigation en cours");
}

/** Answers one question (skipping when asked), handling timed warnings and checkpoints; false once finished. */
async function step(page: Page, skip: boolean): Promise<"question" | "timed" | "checkpoint" | "end"> {
  await page.waitForLoadState("domcontentloaded");
  const path = new URL(page.url()).pathname;
  if (path.endsWith("/checkpoint")) {
    if (await page.getByRole("link", { name: "Voir mes résultats" }).count()) return "end";
    await expect(page.getByText(/Vous avez effectué \d+ % de votre parcours/)).toBeVisible();
    await page.getByRole("link", { name: "Continuer" }).click();
    await page.waitForURL(/\/evaluation$/);
    return "checkpoint";
  }
  if (await page.getByRole("button", { name: "Commencer" }).count()) {
    await expect(page.getByText(/Vous disposerez de \d+ secondes pour réussir la question suivante/)).toBeVisible();
    await page.getByRole("button", { name: "Commencer" }).click();
    await expect(page.getByRole("timer")).toBeVisible();
    return "timed";
  }
  await expect(page.getByRole("button", { name: "Je valide" })).toBeVisible();
  const before = await position(page);
  if (skip) {
    await page.getByRole("button", { name: "Je passe" }).click();
  } else {
    const choices = page.locator("input[name=choice]");
    if ((await choices.count()) > 0) await choices.first().check();
    const fields = page.locator("input[name^='field:']");
    for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill("réponse");
    await page.getByRole("button", { name: "Je valide" }).click();
  }
  await expect.poll(() => position(page), { timeout: 45_000 }).not.toBe(before);
  return "question";
}

test("a new pupil of the roster enters the code, signs up, joins the roster, answers to the end, sees a checkpoint and results, and sends them", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const code = await demoCampaignCode(page);
  const pupilContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const pupil = await pupilContext.newPage();
  await pupil.goto("/");
  await pupil.getByRole("link", { name: "J'ai un code" }).first().click();
  await pupil.getByRole("button", { name: "Accéder au parcours" }).click();
  await expect(pupil.getByText("Veuillez saisir un code.")).toBeVisible();
  await pupil.getByLabel("Saisissez votre code").fill("ZZZZZZ999");
  await pupil.getByRole("button", { name: "Accéder au parcours" }).click();
  await expect(pupil.getByText("Votre code est erroné, veuillez vérifier son format (par exemple ABCDEF234) ou contacter l'organisateur.")).toBeVisible();
  await pupil.getByLabel("Saisissez votre code").fill(code.toLowerCase());
  await pupil.getByRole("button", { name: "Accéder au parcours" }).click();
  await expect(pupil.getByRole("heading", { name: "Sécuriser son environnement numérique" })).toBeVisible();
  await pupil.getByRole("link", { name: "Je m'inscris", exact: true }).click();
  const email = `lea.dupont.${Date.now()}@example.org`;
  await pupil.getByLabel("Prénom").fill("Léa");
  await pupil.getByLabel("Nom", { exact: true }).fill("Dupont");
  await pupil.getByLabel("Adresse e-mail").fill(email);
  await pupil.getByLabel("Mot de passe").fill("Lea2026abc");
  await pupil.getByLabel("J'accepte les conditions d'utilisation").check();
  await pupil.getByRole("button", { name: "Je m'inscris" }).click();
  // The demo school manages its pupils: a new account first says who it is on the roster (once), typo forgiven.
  await pupil.waitForURL(/\/rejoindre$/);
  await pupil.getByLabel("Prénom").fill("Lea");
  await pupil.getByLabel("Nom", { exact: true }).fill("Dupond");
  await pupil.getByLabel("Jour").fill("01");
  await pupil.getByLabel("Mois").fill("12");
  await pupil.getByLabel("Année").fill("2011");
  await pupil.getByRole("button", { name: "Je rejoins le parcours" }).click();
  await pupil.getByRole("button", { name: "C'est parti !" }).click();
  await pupil.waitForURL(/\/evaluation$/);
  await expect(pupil.getByRole("heading", { name: "Question 1 sur 5" })).toBeVisible();

  // Whether the engine asks a timed question here depends on the assessment's id (seeded picks): a timed one is
  // handled when it comes; question-page.spec.ts meets one for sure (the demo leaves Mary Jackson in front of one).
  let checkpoints = 0;
  for (let i = 0; i < 80; i++) {
    if (checkpoints === 0 && new URL(pupil.url()).pathname.endsWith("/checkpoint")) {
      // The first question was skipped: the first checkpoint shows it.
      await expect(pupil.getByText("Pas de réponse").first()).toBeVisible();
    }
    const outcome = await step(pupil, i !== 1);
    if (outcome === "end") break;
    if (outcome === "checkpoint") checkpoints++;
  }
  expect(checkpoints).toBeGreaterThan(0);
  await pupil.getByRole("link", { name: "Voir mes résultats" }).click();
  // The precision engine ran the test: the result comes with its ± and what it means.
  await expect(pupil.getByRole("heading", { name: /^\d+\s%\s±\s\d+(,5)?\sde réussite aux questions$/ })).toBeVisible();
  await expect(pupil.getByText(/la précision de la mesure\. Votre résultat réel se situe très probablement entre \d+(,5)?\s% et \d+(,5)?\s%/)).toBeVisible();
  await expect(pupil.getByRole("img", { name: /étoile/ })).toBeVisible();
  await pupil.getByRole("button", { name: "J'envoie mes résultats" }).click();
  await expect(pupil.getByText(/Vos résultats ont été envoyés le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/)).toBeVisible();
  await pupilContext.close();

  await page.goto("/orga");
  await page.goto(orgaCampaignSearch("4e B – Sécurité numérique"));
  const row = page.getByRole("row", { name: /4e B – Sécurité numérique/ });
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  await expect(row.getByRole("cell").nth(4)).toHaveText("1");
  await row.getByRole("link").click();
  await expect(page.getByRole("row", { name: /Dupont/i })).toContainText("Résultats reçus");
});

test("a pupil who stops halfway comes back with the code and resumes at the same question", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const code = await demoCampaignCode(page);
  const context = await browser.newContext();
  const pupil = await context.newPage();
  // Louis Pouzin's account is linked to his learner by the demo seed: no reconciliation form.
  await pupil.goto(`/campagnes/${code}`);
  await pupil.getByRole("link", { name: "Je me connecte" }).click();
  await pupil.getByLabel("Adresse e-mail ou identifiant").fill("louis.pouzin@example.org");
  await pupil.getByLabel("Mot de passe").fill(DEMO.password);
  await pupil.getByRole("button", { name: "Je me connecte" }).click();
  await pupil.getByRole("button", { name: "C'est parti !" }).click();
  await pupil.waitForURL(/\/evaluation$/);
  for (let i = 1; i <= 2; i++) await step(pupil, false);
  // Where the pupil stopped: the current question (or its timed warning), identified by its challenge.
  await expect(pupil.locator("input[name=challengeId]").first()).toBeAttached();
  const stoppedAt = await position(pupil);
  const heading = await pupil.getByRole("heading", { level: 1 }).textContent();
  await pupil.goto("/");
  // This campaign's banner (shuffled-options.spec.ts leaves Louis Pouzin in a campaign of its own too, with its banner).
  await expect(pupil.getByText("Vous n'avez pas terminé le parcours « Sécuriser son environnement numérique ».")).toBeVisible();
  await pupil.goto("/campagnes");
  await pupil.getByLabel("Saisissez votre code").fill(code);
  await pupil.getByRole("button", { name: "Accéder au parcours" }).click();
  await pupil.waitForURL(/\/evaluation$/);
  await expect(pupil.getByRole("heading", { level: 1 })).toHaveText(heading!);
  expect(await position(pupil)).toBe(stoppedAt);
  await context.close();
});
