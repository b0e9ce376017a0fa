import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test, expect, DEMO, loginToOrga } from "./fixtures";
import { fillIdentity, newCampaignCode, newPupil, signUpThroughRoster } from "./roster-helpers";
import { fixturePupils, siecleXml } from "../support/siecle-sample";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/siecle/BEE_ELEVES_0759999Z.xml");
const NO_MATCH = "Vérifiez vos informations (prénom, nom et date de naissance) ou contactez un enseignant.";
const INES_EMAIL = `ines.chateau.${Date.now()}@example.org`;

// One story: the pupils who join in the second test are those whose usernames are generated in the third.
test.describe.configure({ mode: "serial" });

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
  await expect(page.getByText("36 élèves mis à jour")).toBeVisible();
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

  // Signed in, a second account claiming to be Inès is told she is already linked, without any hint of the account.
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
  await expect(alert).toHaveText("Cet élève est déjà rattaché à un compte Pix. Si c'est le vôtre, connectez-vous avec ce compte ; sinon, demandez à votre enseignant de vous aider.");
  await stranger.context().close();
});

test("the teacher resets the passwords of a class: only the accounts the school created; the pupil must change it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await loginToOrga(page, DEMO.admin);
  await page.goto("/orga/eleves?classe=6A");
  // Inès signed up with her own e-mail: the school does not manage her account, and never shows the address.
  const inesRow = page.getByRole("row", { name: /CHÂTEAU/ });
  await inesRow.locator("summary", { hasText: /^Gérer/ }).click();
  await expect(inesRow).toContainText("Cet élève se connecte avec son adresse e-mail");
  await expect(inesRow.locator("summary", { hasText: /^Réinitialiser le mot de passe/ })).toHaveCount(0);
  await expect(page.getByText(INES_EMAIL)).toHaveCount(0);

  await page.getByLabel("Sélectionner tous les élèves de la page").check();
  await page.getByRole("button", { name: "Générer les identifiants" }).click();
  await expect(page.getByText("Aucun des élèves sélectionnés ne peut recevoir d'identifiant")).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Réinitialiser les mots de passe" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^mots-de-passe-eleves-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  const text = readFileSync(await download.path(), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text).not.toContain("@");
  const [header, ...lines] = text.slice(1).trimEnd().split("\n").map((line) => line.split(";").map((cell) => cell.replace(/^"|"$/g, "")));
  expect(header).toEqual(["Classe", "Nom", "Prénom", "Identifiant", "Mot de passe"]);
  // Gaël's username account was created through the roster; Inès (e-mail) and the pupils without account are skipped.
  expect(lines).toHaveLength(1);
  const [division, lastName, firstName, username, password] = lines[0];
  expect([division, lastName, firstName, username]).toEqual(["6A", "PERRIN", "Gaël", "gael.perrin2001"]);
  expect(password).toMatch(/^[a-z]{5}[A-Z][2-9]{2}$/);
  await expect(page.getByText("Fiche téléchargée : 1 élève, 4 ignorés")).toBeVisible();

  const gael = await newPupil(browser);
  await gael.goto("/connexion");
  await gael.getByLabel("Adresse e-mail ou identifiant").fill(username);
  await gael.getByLabel("Mot de passe").fill(password);
  await gael.getByRole("button", { name: "Je me connecte" }).click();
  await gael.waitForURL(/\/changer-mot-de-passe/);
  await expect(gael.getByRole("heading", { name: "Choisissez votre mot de passe" })).toBeVisible();
  // Nothing else is reachable before the change.
  await gael.goto("/campagnes");
  await gael.waitForURL(/\/changer-mot-de-passe/);
  await gael.getByLabel("Nouveau mot de passe").fill("GaelNouveau2026");
  await gael.getByLabel("Confirmation du mot de passe").fill("GaelNouveau2026");
  await gael.getByRole("button", { name: "Je change mon mot de passe" }).click();
  await gael.waitForURL(/\/campagnes$/);
  await expect(gael.getByLabel("Saisissez votre code")).toBeVisible();
  await gael.context().close();
});

test("a MEMBER undoes a pupil's link with « Dissocier », without JavaScript; the pupil, signed out, identifies again", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Jade, not Margaux: the SimpleSAMLphp journey links Margaux through the GAR earlier in the run.
  const code = await newCampaignCode(page, "5A – dissociation");
  const jade = await newPupil(browser);
  const { login } = await signUpThroughRoster(jade, code, { firstName: "Jade", lastName: "Garçon", day: "07", month: "08", year: "2014" }, { password: "Jade2026abcXq" });
  expect(login).toBe("jade.garcon0708");

  // The teacher's browser runs no script: every step is a plain form post.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const teacher = await noScript.newPage();
  await teacher.goto("/orga/eleves?recherche=Gar%C3%A7on");
  const row = teacher.getByRole("row", { name: /GARÇON\s+Jade/ });
  await expect(row).toContainText("Identifiant : jade.garcon0708");
  await row.locator("summary", { hasText: /^Gérer/ }).click();
  await expect(row.locator("summary", { hasText: /^Réinitialiser le mot de passe/ })).toBeVisible();
  // Deleting a pupil is for ADMINs.
  await expect(row.locator("summary", { hasText: /^Supprimer l'élève/ })).toHaveCount(0);
  await row.locator("summary", { hasText: /^Dissocier/ }).click();
  await row.getByRole("button", { name: "Dissocier le compte" }).click();
  await expect(teacher.getByRole("row", { name: /GARÇON\s+Jade/ })).toContainText("Aucun compte");
  await noScript.close();

  // « Dissocier » signed Jade out everywhere: she signs in again, the school's campaign asks her again who she
  // is, and she joins again.
  await jade.goto(`/campagnes/${code}/rejoindre`);
  await expect(jade.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Se connecter" })).toBeVisible();
  await jade.getByRole("link", { name: "Je me connecte" }).click();
  await jade.getByLabel("Adresse e-mail ou identifiant").fill(login);
  await jade.getByLabel("Mot de passe").fill("Jade2026abcXq");
  await jade.getByRole("button", { name: "Je me connecte" }).click();
  await jade.waitForURL(new RegExp(`/campagnes/${code}/rejoindre$`));
  await expect(jade.getByRole("heading", { name: "Qui êtes-vous ?" })).toBeVisible();
  await fillIdentity(jade, { firstName: "Jade", lastName: "Garçon", day: "07", month: "08", year: "2014" });
  await jade.getByRole("button", { name: "Je rejoins le parcours" }).click();
  await expect(jade.getByRole("button", { name: "C'est parti !" })).toBeVisible();
  await jade.context().close();
});

test("an ADMIN deletes a pupil from the list, after confirming", async ({ page }) => {
  await loginToOrga(page, DEMO.admin);
  await page.goto("/orga/eleves?classe=5A");
  const row = page.getByRole("row", { name: /CHÂTEAU/ });
  await expect(row).toContainText("Jérôme");
  await row.locator("summary", { hasText: /^Gérer/ }).click();
  await row.locator("summary", { hasText: /^Supprimer l'élève/ }).click();
  await expect(row).toContainText("S'il figure encore dans SIECLE, le prochain import le recréera.");
  await row.getByRole("button", { name: "Supprimer définitivement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "L'élève a été supprimé de la liste." })).toBeVisible();
  await expect(page.getByRole("row", { name: /Jérôme/ })).toHaveCount(0);
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

test("a classmate's wrong birthdates block a pupil's identification; a MEMBER clears it from the pupil's row, without JavaScript", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const code = await newCampaignCode(page, "4C – déblocage");
  const pupil = await newPupil(browser);
  await pupil.goto(`/campagnes/${code}/rejoindre`);
  for (const day of ["01", "02", "03", "04", "05"]) {
    await fillIdentity(pupil, { firstName: "Noémie", lastName: "Lemaître", day, month: "01", year: "2013" });
    await pupil.getByRole("button", { name: "Je m'inscris" }).click();
    await expect(pupil.getByText(NO_MATCH)).toBeVisible();
  }
  await fillIdentity(pupil, { firstName: "Noémie", lastName: "Lemaître", day: "26", month: "11", year: "2013" });
  await pupil.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(pupil.getByText(/Trop de tentatives\. Réessayez dans \d+ minutes\./)).toBeVisible();

  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const teacher = await noScript.newPage();
  await teacher.goto("/orga/eleves?recherche=Lema%C3%AEtre");
  const row = teacher.getByRole("row", { name: /LEMAÎTRE/ });
  await row.locator("summary", { hasText: /^Gérer/ }).click();
  await row.locator("summary", { hasText: /^Débloquer l'identification/ }).click();
  await row.getByRole("button", { name: "Débloquer", exact: true }).click();
  // Without JavaScript the page comes back with the row's « Gérer » folded: the message is in it.
  await expect(teacher.getByRole("status", { includeHidden: true }).filter({ hasText: "Identification débloquée : l'élève peut de nouveau saisir son nom et sa date de naissance." })).toBeAttached();
  await noScript.close();

  await pupil.goto(`/campagnes/${code}/rejoindre`);
  await fillIdentity(pupil, { firstName: "Noémie", lastName: "Lemaître", day: "26", month: "11", year: "2013" });
  await pupil.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(pupil.getByText("Nous vous avons trouvé(e) dans la liste des élèves")).toBeVisible();
  await pupil.context().close();
});
