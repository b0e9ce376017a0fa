import type { Browser, Page } from "@playwright/test";
import { expect, DEMO, loginToOrga } from "./fixtures";

/** A campaign of the demo school of our own (the MEMBER creates it), so that other journeys' participant counts are not touched. */
export async function newCampaignCode(page: Page, name = "6A – rentrée (élèves)"): Promise<string> {
  await loginToOrga(page, DEMO.member);
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByLabel("Nom de la campagne").fill(name);
  await page.getByLabel("Que souhaitez-vous tester ?").selectOption({ label: "Parcours de rentrée 5e" });
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return (await page.getByTestId("campaign-code").textContent())!.trim();
}

export async function fillIdentity(page: Page, identity: { firstName: string; lastName: string; day: string; month: string; year: string }) {
  await page.getByLabel("Prénom").fill(identity.firstName);
  await page.getByLabel("Nom", { exact: true }).fill(identity.lastName);
  await page.getByLabel("Jour").fill(identity.day);
  await page.getByLabel("Mois").fill(identity.month);
  await page.getByLabel("Année").fill(identity.year);
}

export async function newPupil(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  return context.newPage();
}

/** A pupil without an account joins a restricted campaign: who they are, then a username or an e-mail, and a password. */
export async function signUpThroughRoster(pupil: Page, code: string, identity: Parameters<typeof fillIdentity>[1], account: { email?: string; password: string }) {
  await pupil.goto(`/campagnes/${code}/rejoindre`);
  await fillIdentity(pupil, identity);
  await pupil.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(pupil.getByText("Nous vous avons trouvé(e) dans la liste des élèves")).toBeVisible();
  if (account.email) {
    await pupil.getByLabel("Mon adresse e-mail").check();
    await pupil.getByLabel("Adresse e-mail", { exact: true }).fill(account.email);
  } else {
    await pupil.getByLabel("Mon identifiant").check();
  }
  const username = account.email ? null : (await pupil.getByTestId("generated-username").textContent())!.trim();
  await pupil.getByLabel("Mot de passe").fill(account.password);
  await pupil.getByLabel("J'accepte les conditions d'utilisation").check();
  await pupil.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(pupil.getByRole("button", { name: "C'est parti !" })).toBeVisible();
  return { login: account.email ?? username! };
}
