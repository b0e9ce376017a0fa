import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { test, expect, DEMO, loginToOrga } from "./fixtures";
import { fixturePupils, siecleXml } from "../support/siecle-sample";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/siecle/BEE_ELEVES_0759999Z.xml");
const NO_MATCH = "Vérifiez vos informations (prénom, nom et date de naissance) ou contactez un enseignant.";
const INES_EMAIL = `ines.chateau.${Date.now()}@example.org`;

// One story: the pupils who join in the second test are those whose usernames are generated in the third.
test.describe.configure({ mode: "serial" });

/** A campaign of the demo school of our own, so that other journeys' participant counts are not touched. */
async function newCampaignCode(page: Page): Promise<string> {
  await loginToOrga(page, DEMO.member);
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByLabel("Nom de la campagne").fill("6A – rentrée (élèves)");
  await page.getByLabel("Que souhaitez-vous tester ?").selectOption({ label: "Parcours de rentrée 5e" });
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /6A – rentrée \(élèves\)/ })).toBeVisible();
  return (await page.getByTestId("campaign-code").textContent())!.trim();
}

async function fillIdentity(page: Page, identity: { firstName: string; lastName: string; day: string; month: string; year: string }) {
  await page.getByLabel("Prénom").fill(identity.firstName);
  await page.getByLabel("Nom", { exact: true }).fill(identity.lastName);
  await page.getByLabel("Jour").fill(identity.day);
  await page.getByLabel("Mois").fill(identity.month);
  await page.getByLabel("Année").fill(identity.year);
}

async function newPupil(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  return context.newPage();
}

test("an ADMIN imports the SIECLE file, sees its report, the classes and the pupils", async ({ page }, testInfo) => {
  await loginToOrga(page, DEMO.admin);
  await page.getByRole("navigation", { name: "Navigation Pix Orga" }).getByRole("link", { name: "Élèves" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Élèves" })).toBeVisible();

  const otherSchool = testInfo.outputPath("BEE_ELEVES_0751234A.xml");
  writeFileSync(otherSchool, siecleXml(fixturePupils(), { uai: "0751234A" }));
  await page.getByLabel("Fichier SIECLE").setInputFiles(otherSchool);
  await page.getByRole("button", { name: "Importer" }).click();
  await expect(page.getByText("Ce fichier SIECLE concerne l'établissement 0751234A, pas le vôtre (0759999Z) : aucun élève n'a été importé.")).toBeVisible();

  // The demo school was seeded with this very file: importing it again updates everybody and disables nobody.
  await page.getByLabel("Fichier SIECLE").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Importer" }).click();
  await expect(page.getByText("Import du fichier « BEE_ELEVES_0759999Z.xml » terminé.")).toBeVisible();
  await expect(page.getByText("28 élèves mis à jour")).toBeVisible();
  await expect(page.getByText("0 élève désactivé")).toBeVisible();
  const rejected = page.getByRole("table", { name: "2 élèves du fichier non importés" });
  await expect(rejected.getByRole("row", { name: /ROUSSEAU Noémie/ })).toContainText("sorti de l'établissement");
  await expect(rejected.getByRole("row", { name: /N'DIAYE Hugo/ })).toContainText("Aucune classe");

  await page.getByLabel("Classe", { exact: true }).selectOption("6A");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await page.waitForURL(/classe=6A/);
  const list = page.getByRole("table", { name: /Liste des élèves/ });
  await expect(list.getByRole("row")).toHaveCount(6);
  await expect(list.getByRole("row", { name: /CHÂTEAU/ })).toContainText("Aucun compte");

  await page.goto("/orga/eleves?recherche=pouzin");
  await expect(list.getByRole("row", { name: /POUZIN/ })).toContainText("Adresse e-mail");
  await expect(list.getByRole("row", { name: /POUZIN/ })).toContainText("20/04/2011");

  await page.getByText("Tous vos élèves n'apparaissent pas ?").click();
  await expect(page.getByText(/élèves n'ont encore rejoint aucune campagne/)).toBeVisible();
});

test("pupils join a restricted campaign by saying who they are: a typo is forgiven, strangers are refused", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const code = await newCampaignCode(page);

  // Inès, without an account: her identity with a typo, then an e-mail account.
  const ines = await newPupil(browser);
  await ines.goto(`/campagnes/${code}`);
  await ines.getByRole("link", { name: "Je m'inscris avec un identifiant" }).click();
  await ines.waitForURL(/\/rejoindre$/);
  await fillIdentity(ines, { firstName: "Ines", lastName: "Chateaux", day: "21", month: "02", year: "2015" });
  await ines.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(ines.getByText("Nous vous avons trouvé(e) dans la liste des élèves")).toBeVisible();
  await ines.getByLabel("Mon adresse e-mail").check();
  await ines.getByLabel("Adresse e-mail", { exact: true }).fill(INES_EMAIL);
  await ines.getByLabel("Mot de passe").fill("Ines2026abc");
  await ines.getByLabel("J'accepte les conditions d'utilisation").check();
  await ines.getByRole("button", { name: "Je m'inscris" }).click();
  await ines.getByRole("button", { name: "C'est parti !" }).click();
  await ines.waitForURL(/\/evaluation$/);
  await ines.context().close();

  // Gaël chooses "Mon identifiant": the username is generated and shown.
  const gael = await newPupil(browser);
  await gael.goto(`/campagnes/${code}/rejoindre`);
  await fillIdentity(gael, { firstName: "Gaël", lastName: "Perrin", day: "20", month: "01", year: "2015" });
  await gael.getByRole("button", { name: "Je m'inscris" }).click();
  await gael.getByLabel("Mon identifiant").check();
  await expect(gael.getByTestId("generated-username")).toHaveText("gael.perrin2001");
  await gael.getByLabel("Mot de passe").fill("Gael2026abc");
  await gael.getByLabel("J'accepte les conditions d'utilisation").check();
  await gael.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(gael.getByRole("button", { name: "C'est parti !" })).toBeVisible();
  await gael.context().close();

  // Someone who is not on the roster cannot join.
  const stranger = await newPupil(browser);
  await stranger.goto(`/campagnes/${code}/rejoindre`);
  await fillIdentity(stranger, { firstName: "Zoé", lastName: "Inconnue", day: "01", month: "01", year: "2015" });
  await stranger.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(stranger.getByText(NO_MATCH)).toBeVisible();

  // Signed in, a second account claiming to be Inès is told which account already is, partly hidden.
  await stranger.goto(`/inscription?retour=/campagnes/${code}`);
  await stranger.getByLabel("Prénom").fill("Inès");
  await stranger.getByLabel("Nom", { exact: true }).fill("Château");
  await stranger.getByLabel("Adresse e-mail").fill(`autre.${Date.now()}@example.org`);
  await stranger.getByLabel("Mot de passe").fill("Autre2026abc");
  await stranger.getByLabel("J'accepte les conditions d'utilisation").check();
  await stranger.getByRole("button", { name: "Je m'inscris" }).click();
  await stranger.waitForURL(/\/rejoindre$/);
  await fillIdentity(stranger, { firstName: "Inès", lastName: "Château", day: "21", month: "02", year: "2015" });
  await stranger.getByRole("button", { name: "Je rejoins le parcours" }).click();
  const alert = stranger.getByRole("alert").filter({ hasText: "déjà rattaché" });
  await expect(alert).toContainText("Cet élève est déjà rattaché au compte Pix i***@e***.org");
  await expect(alert).toContainText("demandez à votre enseignant");
  await stranger.context().close();
});

test("the teacher generates usernames for a class, downloads the sheet, and the pupil must change the password", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await loginToOrga(page, DEMO.admin);
  await page.goto("/orga/eleves?classe=6A");
  await page.getByLabel("Sélectionner tous les élèves de la page").check();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Générer les identifiants" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^identifiants-eleves-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  const text = readFileSync(await download.path(), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...lines] = text.slice(1).trimEnd().split("\n").map((line) => line.split(";").map((cell) => cell.replace(/^"|"$/g, "")));
  expect(header).toEqual(["Classe", "Nom", "Prénom", "Identifiant", "Mot de passe"]);
  // Inès (e-mail account) gets a username; Gaël already has one; the others have no account yet.
  expect(lines).toHaveLength(1);
  const [division, lastName, firstName, username, password] = lines[0];
  expect([division, lastName, firstName, username]).toEqual(["6A", "CHÂTEAU", "Inès", "ines.chateau2102"]);
  expect(password).toMatch(/^[a-z]{5}[A-Z][2-9]{2}$/);
  await expect(page.getByText("Fiche téléchargée : 1 élève, 4 ignorés")).toBeVisible();
  await expect(page.getByRole("row", { name: /CHÂTEAU/ })).toContainText("Identifiant : ines.chateau2102");

  const ines = await newPupil(browser);
  await ines.goto("/connexion");
  await ines.getByLabel("Adresse e-mail ou identifiant").fill(username);
  await ines.getByLabel("Mot de passe").fill(password);
  await ines.getByRole("button", { name: "Je me connecte" }).click();
  await ines.waitForURL(/\/changer-mot-de-passe/);
  await expect(ines.getByRole("heading", { name: "Choisissez votre mot de passe" })).toBeVisible();
  // Nothing else is reachable before the change.
  await ines.goto("/campagnes");
  await ines.waitForURL(/\/changer-mot-de-passe/);
  await ines.getByLabel("Nouveau mot de passe").fill("InesNouveau2026");
  await ines.getByLabel("Confirmation du mot de passe").fill("InesNouveau2026");
  await ines.getByRole("button", { name: "Je change mon mot de passe" }).click();
  await ines.waitForURL(/\/campagnes$/);
  await expect(ines.getByLabel("Saisissez votre code")).toBeVisible();
  await ines.context().close();
});

test("a teacher of another school sees none of these pupils and cannot get their credentials", async ({ page, browser }) => {
  await loginToOrga(page, "admin.autre@example.org");
  await page.goto("/orga/eleves");
  await expect(page.getByText("Aucun élève pour l'instant.")).toBeVisible();
  await expect(page.getByText("POUZIN")).toHaveCount(0);
  const form = new URLSearchParams([["action", "RESET_PASSWORD"], ...Array.from({ length: 60 }, (_, i) => ["learnerId", String(i + 1)])]);
  const response = await page.request.post("/api/eleves/identifiants", { headers: { "content-type": "application/x-www-form-urlencoded" }, data: form.toString() });
  expect(response.status()).toBe(404);

  // A MEMBER of the demo school sees the list but cannot import.
  const memberPage = await (await browser.newContext()).newPage();
  await loginToOrga(memberPage, DEMO.member);
  await memberPage.goto("/orga/eleves");
  await expect(memberPage.getByText("La liste des élèves est importée depuis SIECLE par les administrateurs de l'établissement.")).toBeVisible();
  await expect(memberPage.getByLabel("Fichier SIECLE")).toHaveCount(0);
  await expect(memberPage.getByRole("row", { name: /POUZIN/ })).toBeVisible();
  await memberPage.context().close();
});
