import { test, expect, DEMO, loginToOrga } from "./fixtures";
import type { Page } from "@playwright/test";

/** Every invitation link mailed to this address, oldest first (the outbox lists the newest first). */
async function invitationLinksFor(page: Page, email: string): Promise<string[]> {
  await page.goto("/dev/mails");
  const mails = page.getByRole("article", { name: new RegExp(`E-mail à ${email.replace(/[.]/g, "\\.")}`) });
  const links: string[] = [];
  for (const mail of await mails.all()) links.push((await mail.getByRole("link", { name: /rejoindre\?invitationId=/ }).getAttribute("href"))!);
  return links.reverse();
}

test("one member in a batch does not block the others; « Renvoyer » keeps the first link working; an accepted link opened signed in leads to Pix Orga", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const first = `premiere.${stamp}@example.org`;
  const second = `seconde.${stamp}@example.org`;
  await loginToOrga(page, DEMO.admin);
  await page.goto("/orga/equipe");
  await page.getByLabel("Adresse(s) e-mail").fill(`${first}, ${DEMO.member}\n${second}`);
  await page.getByRole("button", { name: "Inviter" }).click();
  await expect(page.getByText(`2 invitations envoyées (${first}, ${second}). Déjà membre de l'établissement, rien n'a été envoyé à ${DEMO.member}.`)).toBeVisible();
  for (const email of [first, second]) await expect(page.getByRole("row", { name: new RegExp(email) })).toBeVisible();

  // « Renvoyer »: a second mail, and the first mail's link still works.
  await page.getByRole("row", { name: new RegExp(first) }).getByRole("button", { name: /Renvoyer/ }).click();
  await expect(page.getByText("Invitation renvoyée.")).toBeVisible();
  const links = await invitationLinksFor(page, first);
  expect(links).toHaveLength(2);
  expect(links[0]).not.toBe(links[1]);

  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await teacher.goto(links[1]);
  await expect(teacher.getByRole("heading", { name: "Vous êtes invité(e) à rejoindre Collège Ada Lovelace" })).toBeVisible();
  await teacher.goto(links[0]);
  await expect(teacher.getByRole("heading", { name: "Vous êtes invité(e) à rejoindre Collège Ada Lovelace" })).toBeVisible();
  const signUp = teacher.getByRole("region", { name: "Je m'inscris" });
  await signUp.getByLabel("Prénom").fill("Paul");
  await signUp.getByLabel("Nom", { exact: true }).fill("Langevin");
  await signUp.getByLabel("Mot de passe").fill("Tramway-Violet-58");
  await signUp.getByLabel("J'accepte les conditions d'utilisation").check();
  await signUp.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(teacher.getByRole("heading", { name: "Campagnes", level: 1 })).toBeVisible();

  // The newer mail opened afterwards, still signed in: nothing to do but go to Pix Orga.
  await teacher.goto(links[1]);
  await expect(teacher.getByRole("heading", { name: "Invitation déjà acceptée" })).toBeVisible();
  await expect(teacher.getByText(/l'espace Pix Orga du Collège Ada Lovelace a déjà été acceptée/)).toBeVisible();
  await expect(teacher.getByText(/Connectez-vous/)).toHaveCount(0);
  await teacher.getByRole("link", { name: "Aller à Pix Orga" }).click();
  await expect(teacher.getByRole("heading", { name: "Campagnes", level: 1 })).toBeVisible();
  await teacherContext.close();
});
