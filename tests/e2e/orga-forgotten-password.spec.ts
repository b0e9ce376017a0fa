import { test, expect, DEMO, loginToOrga } from "./fixtures";
import type { Page } from "@playwright/test";

async function lastLinkMailedTo(page: Page, email: string, path: string): Promise<string> {
  await page.goto("/dev/mails");
  const mail = page.getByRole("article", { name: new RegExp(`E-mail à ${email.replace(/[.]/g, "\\.")}`) }).first();
  return (await mail.getByRole("link", { name: new RegExp(path) }).getAttribute("href"))!;
}

test("« Mot de passe oublié ? » on the Pix Orga login: a teacher resets their password and signs in to Pix Orga", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A teacher of their own (the demo accounts' passwords are shared by the other tests).
  const email = `oubli.${Date.now()}@example.org`;
  await loginToOrga(page, DEMO.admin);
  await page.goto("/orga/equipe");
  await page.getByLabel("Adresse(s) e-mail").fill(email);
  await page.getByRole("button", { name: "Inviter" }).click();
  await expect(page.getByText(`Invitation envoyée à ${email}.`)).toBeVisible();
  const invitation = await lastLinkMailedTo(page, email, "rejoindre\\?invitationId=");
  const context = await browser.newContext();
  const teacher = await context.newPage();
  await teacher.goto(invitation);
  const signUp = teacher.getByRole("region", { name: "Je m'inscris" });
  await signUp.getByLabel("Prénom").fill("Irène");
  await signUp.getByLabel("Nom", { exact: true }).fill("Joliot");
  await signUp.getByLabel("Mot de passe").fill("Radium1935x");
  await signUp.getByLabel("J'accepte les conditions d'utilisation").check();
  await signUp.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(teacher.getByRole("heading", { name: "Campagnes", level: 1 })).toBeVisible();
  await context.close();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/orga");
  await visitor.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(visitor.getByRole("heading", { name: "Mot de passe oublié" })).toBeVisible();
  await visitor.getByLabel("Adresse e-mail").fill(email);
  await visitor.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(visitor.getByRole("status").filter({ hasText: /e-mail/ })).toBeVisible();
  const reset = await lastLinkMailedTo(visitor, email, "nouveau-mot-de-passe\\?token=");
  await visitor.goto(reset);
  await visitor.getByLabel("Nouveau mot de passe").fill("Polonium1898y");
  await visitor.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(visitor.getByText(/mot de passe a été modifié/)).toBeVisible();
  await loginToOrga(visitor, email, "Polonium1898y");
  await expect(visitor.getByRole("heading", { name: "Campagnes", level: 1 })).toBeVisible();
});
