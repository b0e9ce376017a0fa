import { readFileSync } from "node:fs";
import { test, expect, DEMO, loginToOrga } from "./fixtures";
import { newCampaignCode, newPupil, signUpThroughRoster } from "./roster-helpers";

test("a pupil downloads their data (without JavaScript), then deletes their account; the school keeps its list", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const code = await newCampaignCode(page, "5A – mon compte");
  const email = `loic.lefevre.${Date.now()}@example.org`;
  const loic = await newPupil(browser);
  await signUpThroughRoster(loic, code, { firstName: "Loïc", lastName: "Lefèvre", day: "05", month: "10", year: "2014" }, { email, password: "Loic2026abc" });

  await loic.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mon compte" }).click();
  await expect(loic.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();

  // « Télécharger mes données » is a plain form post: it works in a browser that runs no script.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await loic.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto("/mon-compte");
  const downloading = plain.waitForEvent("download");
  await plain.getByRole("button", { name: "Télécharger mes données" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^mes-donnees-pix-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  expect(download.url()).not.toContain("?");
  const data = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(data.compte).toMatchObject({ prenom: "Loïc", nom: "Lefèvre", adresseEmail: email, dateDeNaissance: "2014-10-05" });
  expect(data.listesDesEleves).toMatchObject([{ etablissement: "Collège Ada Lovelace", nom: "LEFÈVRE", classe: "5A", actif: true }]);
  expect(data.historique.map((line: { action: string }) => line.action)).toContain("Compte rattaché à la liste des élèves");
  await noScript.close();

  await loic.getByRole("region", { name: "Supprimer mon compte" }).getByLabel("Mot de passe actuel", { exact: true }).fill("Mauvais2026abc");
  await loic.getByRole("button", { name: "Supprimer mon compte" }).click();
  await expect(loic.getByText("Mot de passe incorrect.")).toBeVisible();
  await loic.getByRole("region", { name: "Supprimer mon compte" }).getByLabel("Mot de passe actuel", { exact: true }).fill("Loic2026abc");
  await loic.getByRole("button", { name: "Supprimer mon compte" }).click();
  await loic.waitForURL(/\/compte-supprime$/);
  await expect(loic.getByRole("heading", { name: "Votre compte a été supprimé" })).toBeVisible();
  await expect(loic.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await loic.goto("/mon-compte");
  await loic.waitForURL(/\/connexion/);
  await loic.getByLabel("Adresse e-mail ou identifiant").fill(email);
  await loic.getByLabel("Mot de passe").fill("Loic2026abc");
  await loic.getByRole("button", { name: "Je me connecte" }).click();
  await expect(loic.getByRole("alert").filter({ hasText: /incorrect/ })).toBeVisible();
  await loic.context().close();

  // The school keeps Loïc on its list, without the account.
  const admin = await (await browser.newContext()).newPage();
  await loginToOrga(admin, DEMO.admin);
  await admin.goto("/orga/eleves?classe=5A");
  await expect(admin.getByRole("row", { name: /LEFÈVRE/ })).toContainText("Aucun compte");
  await admin.context().close();
});
