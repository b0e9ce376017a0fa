import { test, expect, DEMO, loginToOrga } from "./fixtures";
import type { Page } from "@playwright/test";

async function demoCampaignCode(page: Page): Promise<string> {
  await loginToOrga(page, DEMO.member);
  const row = page.getByRole("row", { name: /4e B – Sécurité numérique/ });
  return (await row.getByRole("cell").first().textContent())!.trim();
}

/** Answers one question (skipping the first), handling timed warnings and checkpoints; false once finished. */
async function step(page: Page, index: number): Promise<boolean> {
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeVisible();
  const title = (await heading.textContent()) ?? "";
  if (/Fin de votre évaluation/.test(title)) return false;
  if (/Avancement/.test(title)) {
    await expect(page.getByText(/Vous avez effectué \d+ % de votre parcours/)).toBeVisible();
    await page.getByRole("link", { name: "Continuer" }).click();
    return true;
  }
  if (/Question chronométrée/.test(title)) {
    await page.getByRole("button", { name: "Commencer" }).click();
    await expect(page.getByRole("timer")).toBeVisible();
    return true;
  }
  if (index === 0) {
    await page.getByRole("button", { name: "Je passe" }).click();
  } else {
    const choices = page.locator("input[name=choice]");
    if ((await choices.count()) > 0) await choices.first().check();
    const fields = page.locator("input[name^='field:']");
    for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill("réponse");
    await page.getByRole("button", { name: "Je valide" }).click();
  }
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(title, { timeout: 10_000 }).catch(() => {});
  return true;
}

test("a new pupil enters the code, signs up, answers to the end, sees a checkpoint and results, and sends them", async ({ page, browser }) => {
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
  await expect(pupil.getByText("Votre code est erroné, veuillez vérifier son format (ex: ABCDEF234) ou contacter l'organisateur.")).toBeVisible();
  await pupil.getByLabel("Saisissez votre code").fill(code.toLowerCase());
  await pupil.getByRole("button", { name: "Accéder au parcours" }).click();
  await expect(pupil.getByRole("heading", { name: "Sécuriser son environnement numérique" })).toBeVisible();
  await pupil.getByRole("link", { name: "Je m'inscris" }).click();
  const email = `eleve.${Date.now()}@example.org`;
  await pupil.getByLabel("Prénom").fill("Zoé");
  await pupil.getByLabel("Nom", { exact: true }).fill("Martin");
  await pupil.getByLabel("Adresse e-mail").fill(email);
  await pupil.getByLabel("Mot de passe").fill("Zoe2026abc");
  await pupil.getByLabel("J'accepte les conditions d'utilisation").check();
  await pupil.getByRole("button", { name: "Je m'inscris" }).click();
  await pupil.getByRole("button", { name: "C'est parti !" }).click();
  await expect(pupil.getByRole("heading", { name: "Question 1 sur 5" })).toBeVisible();

  let sawCheckpoint = false;
  for (let i = 0; i < 80; i++) {
    const title = (await pupil.getByRole("heading", { level: 1 }).textContent()) ?? "";
    if (/Avancement/.test(title) && !sawCheckpoint) {
      sawCheckpoint = true;
      // The first question was skipped: the first checkpoint shows it.
      await expect(pupil.getByText("Pas de réponse").first()).toBeVisible();
    }
    if (!(await step(pupil, i))) break;
  }
  expect(sawCheckpoint).toBe(true);
  await pupil.getByRole("link", { name: "Voir mes résultats" }).click();
  await expect(pupil.getByRole("heading", { name: /% de réussite aux questions/ })).toBeVisible();
  await expect(pupil.getByRole("img", { name: /étoile/ })).toBeVisible();
  await pupil.getByRole("button", { name: "J'envoie mes résultats" }).click();
  await expect(pupil.getByText(/Vos résultats ont été envoyés le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/)).toBeVisible();
  await pupilContext.close();

  await page.goto("/orga");
  const row = page.getByRole("row", { name: /4e B – Sécurité numérique/ });
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  await expect(row.getByRole("cell").nth(4)).toHaveText("1");
  await row.getByRole("link").click();
  await expect(page.getByRole("row", { name: /Martin/ })).toContainText("Résultats reçus");
});

test("a pupil who stops halfway comes back with the code and resumes at the same question", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const code = await demoCampaignCode(page);
  const context = await browser.newContext();
  const pupil = await context.newPage();
  await pupil.goto(`/campagnes/${code}`);
  await pupil.getByRole("link", { name: "Je me connecte" }).click();
  await pupil.getByLabel("Adresse e-mail ou identifiant").fill("louis.pouzin@example.org");
  await pupil.getByLabel("Mot de passe").fill(DEMO.password);
  await pupil.getByRole("button", { name: "Je me connecte" }).click();
  await pupil.getByRole("button", { name: "C'est parti !" }).click();
  for (let i = 1; i <= 2; i++) await step(pupil, i);
  const heading = await pupil.getByRole("heading", { level: 1 }).textContent();
  const instruction = await pupil.locator("form .text-lg").first().textContent();
  await pupil.goto("/");
  await expect(pupil.getByText(/Vous n'avez pas terminé le parcours/)).toBeVisible();
  await pupil.goto("/campagnes");
  await pupil.getByLabel("Saisissez votre code").fill(code);
  await pupil.getByRole("button", { name: "Accéder au parcours" }).click();
  await expect(pupil.getByRole("heading", { level: 1 })).toHaveText(heading!);
  await expect(pupil.locator("form .text-lg").first()).toHaveText(instruction!);
  await context.close();
});
