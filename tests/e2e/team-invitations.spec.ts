import { test, expect, DEMO, loginToOrga } from "./fixtures";
import type { Page } from "@playwright/test";

async function lastInvitationLinkFor(page: Page, email: string): Promise<string> {
  await page.goto("/dev/mails");
  const mail = page.getByRole("article", { name: new RegExp(`E-mail à ${email.replace(/[.]/g, "\\.")}`) }).first();
  const link = mail.getByRole("link", { name: /rejoindre\?invitationId=/ });
  return (await link.getAttribute("href"))!;
}

test("the correspondent invites a teacher who signs up and joins; roles change; cancelled links refuse", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `nouveau.prof.${Date.now()}@example.org`;
  await loginToOrga(page, DEMO.admin);
  await page.getByRole("link", { name: "Équipe" }).click();
  await expect(page.getByRole("heading", { name: "Équipe", level: 1 })).toBeVisible();
  await page.getByLabel("Adresse(s) e-mail").fill(`${email}, pas-une-adresse`);
  await page.getByRole("button", { name: "Inviter" }).click();
  await expect(page.getByText("Adresse e-mail invalide : pas-une-adresse.")).toBeVisible();
  await page.getByLabel("Adresse(s) e-mail").fill(email);
  await page.getByRole("button", { name: "Inviter" }).click();
  await expect(page.getByText(`Invitation envoyée à ${email}.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toBeVisible();

  const link = await lastInvitationLinkFor(page, email);
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await teacher.goto(link);
  await expect(teacher.getByRole("heading", { name: "Vous êtes invité(e) à rejoindre Collège Ada Lovelace" })).toBeVisible();
  const signUp = teacher.getByRole("region", { name: "Je m'inscris" });
  await signUp.getByLabel("Prénom").fill("Inès");
  await signUp.getByLabel("Nom", { exact: true }).fill("Garnier");
  await signUp.getByLabel("Mot de passe").fill("court");
  await signUp.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(signUp.locator("#password-error")).toContainText("Au moins 8 caractères");
  await expect(signUp.getByText("Vous devez accepter les conditions d'utilisation.")).toBeVisible();
  await signUp.getByLabel("Mot de passe").fill("Kayak-Orange-31");
  await signUp.getByLabel("J'accepte les conditions d'utilisation").check();
  await signUp.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(teacher.getByRole("heading", { name: "Campagnes", level: 1 })).toBeVisible();
  await expect(teacher.getByRole("banner").getByText("Inès Garnier")).toBeVisible();
  await teacherContext.close();

  await page.goto("/orga/equipe");
  const row = page.getByRole("row", { name: /Garnier/ });
  await expect(row).toBeVisible();
  await row.getByLabel("Rôle d'Inès Garnier").selectOption("ADMIN");
  await row.getByRole("button", { name: "Modifier le rôle" }).click();
  await expect(row.getByText("Rôle modifié.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: /Garnier/ }).getByLabel("Rôle d'Inès Garnier")).toHaveValue("ADMIN");

  // A second invitation, cancelled: its link now refuses.
  const cancelled = `annulee.${Date.now()}@example.org`;
  await page.getByLabel("Adresse(s) e-mail").fill(cancelled);
  await page.getByRole("button", { name: "Inviter" }).click();
  await expect(page.getByText(`Invitation envoyée à ${cancelled}.`)).toBeVisible();
  const cancelledLink = await lastInvitationLinkFor(page, cancelled);
  await page.goto("/orga/equipe");
  const invitationRow = page.getByRole("row", { name: new RegExp(cancelled) });
  await invitationRow.getByRole("button", { name: `Annuler l'invitation d'${cancelled}` }).click();
  await invitationRow.getByRole("button", { name: "Oui, annuler l'invitation" }).click();
  await expect(page.getByRole("row", { name: new RegExp(cancelled) })).toHaveCount(0);
  await page.goto(cancelledLink);
  await expect(page.getByText("Cette invitation n'est plus valide : elle a été annulée.")).toBeVisible();
});

test("a MEMBER sees the team without the invite form, and calling the invite action directly is refused", async ({ page, browser }) => {
  // Capture the invite action as the ADMIN's browser really sends it.
  await loginToOrga(page, DEMO.admin);
  await page.goto("/orga/equipe");
  const target = `capture.${Date.now()}@example.org`;
  const requestPromise = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByLabel("Adresse(s) e-mail").fill(target);
  await page.getByRole("button", { name: "Inviter" }).click();
  const captured = await requestPromise;
  await expect(page.getByText(`Invitation envoyée à ${target}.`)).toBeVisible();

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await loginToOrga(member, DEMO.member);
  await expect(member.getByRole("heading", { name: "Campagnes", level: 1 })).toBeVisible();
  await member.goto("/orga/equipe");
  await expect(member.getByRole("heading", { name: "Membres" })).toBeVisible();
  await expect(member.getByLabel("Adresse(s) e-mail")).toHaveCount(0);
  const forged = `forge.${Date.now()}@example.org`;
  const body = captured.postData()!.replace(target, forged);
  const headers = Object.fromEntries(Object.entries(captured.headers()).filter(([name]) => name !== "cookie"));
  const response = await memberContext.request.post(captured.url(), { headers, data: body });
  expect(response.status()).toBeLessThan(500);
  expect(await response.text()).toContain("Vous n'avez pas les droits pour faire cette action.");
  await memberContext.close();

  await page.goto("/orga/equipe");
  await expect(page.getByRole("row", { name: new RegExp(target) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(forged) })).toHaveCount(0);
});

test("self-activation: an unknown UAI gets a clear error, a known one a neutral confirmation", async ({ page }) => {
  await page.goto("/orga");
  await page.getByRole("link", { name: "Activez ou récupérez votre espace Pix Orga" }).click();
  await page.getByLabel("Numéro UAI (ex-RNE)").fill("0750000X");
  await page.getByRole("button", { name: "Recevoir le lien d'activation" }).click();
  await expect(page.getByText("Aucun établissement scolaire ne correspond à ce numéro UAI.", { exact: false })).toBeVisible();
  await page.getByLabel("Numéro UAI (ex-RNE)").fill("0759999z");
  await page.getByRole("button", { name: "Recevoir le lien d'activation" }).click();
  await expect(page.getByText("Un e-mail a été adressé à la boîte de contact de l'établissement.", { exact: false })).toBeVisible();
  await expect(page.getByText("ce.0759999z@example.org")).toHaveCount(0);
});
