import { test, expect, DEMO, loginToOrga } from "./fixtures";

test("the demo teacher creates, finds, edits, archives, restores and duplicates a campaign", async ({ page }) => {
  test.setTimeout(120_000);
  await loginToOrga(page, DEMO.member);
  await expect(page.getByRole("cell", { name: "Parcours de rentrée 3e" }).or(page.getByRole("rowheader", { name: "Parcours de rentrée 3e" }))).toBeVisible();
  await expect(page.getByRole("row", { name: /Parcours de rentrée 3e/ })).toContainText("Équipe Pix");

  await page.getByRole("link", { name: "Créer une campagne" }).click();
  await expect(page.getByRole("heading", { name: "Création d'une campagne" })).toBeVisible();
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByText("Veuillez donner un nom à votre campagne.")).toBeVisible();
  await expect(page.getByText("Veuillez choisir ce que vous souhaitez tester (un parcours ou une compétence).")).toBeVisible();

  await page.getByLabel("Nom de la campagne").fill("3e A – rentrée numérique");
  await page.getByLabel("Que souhaitez-vous tester ?").selectOption({ label: "Parcours de rentrée 3e" });
  await expect(page.getByText("Aperçu des compétences numériques en début de 3e")).toBeVisible();
  await page.getByRole("group", { name: "Souhaitez-vous demander un identifiant externe ?" }).getByLabel("Oui").check();
  await page.getByLabel("Libellé de l'identifiant").fill("Numéro d'élève");
  await page.getByLabel("Titre du parcours").fill("Rentrée 3e A");
  await page.getByLabel("Texte de la page d'accueil").fill("Bienvenue ! **Prenez votre temps.**");
  // The advanced options: the precision engine at ± 8 by default; this campaign keeps the historical engine.
  await page.getByText("Options avancées").click();
  await expect(page.getByLabel("Précision visée", { exact: true })).toHaveValue("8");
  await expect(page.getByRole("radio", { name: /Arrêt à la précision visée/ })).toBeChecked();
  await page.getByRole("radio", { name: /Déroulement historique/ }).check();
  await page.getByRole("button", { name: "Créer la campagne" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /3e A – rentrée numérique/ })).toBeVisible();
  const code = (await page.getByTestId("campaign-code").textContent())!.trim();
  expect(code).toMatch(/^[A-HJKMNP-Z]{6}[2-9]{3}$/);
  await expect(page.getByTestId("direct-link")).toHaveText(new RegExp(`/campagnes/${code}$`));
  await expect(page.getByText("Parcours : Parcours de rentrée 3e")).toBeVisible();
  for (const tab of ["Activité", "Résultats (0)", "Analyse", "Paramètres"]) await expect(page.getByRole("link", { name: tab, exact: true })).toBeVisible();

  await page.getByRole("link", { name: "← " }).or(page.getByRole("link", { name: "Retour à la liste des campagnes" })).first().click();
  const row = page.getByRole("row", { name: /3e A – rentrée numérique/ });
  await expect(row).toContainText(code);
  await expect(row).toContainText("Hugo Bernard");
  await expect(row.getByRole("cell").nth(3)).toHaveText("0");
  await page.getByLabel("Rechercher une campagne ou un propriétaire").fill("rentrée numérique");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);

  await row.getByRole("link").click();
  await page.getByRole("link", { name: "Paramètres", exact: true }).click();
  await expect(page.getByText("Numéro d'élève (texte)")).toBeVisible();
  await expect(page.getByText("Déroulement historique (« smart random »)")).toBeVisible();
  await page.getByRole("link", { name: "Modifier" }).click();
  await page.getByLabel("Nom de la campagne").fill("3e A – rentrée 2026");
  await page.getByText("Options avancées").click();
  await page.getByRole("radio", { name: /Arrêt à la précision visée/ }).check();
  await page.getByLabel("Précision visée", { exact: true }).selectOption("16");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Les modifications sont enregistrées.")).toBeVisible();
  await expect(page.getByText("Arrêt à la précision visée (± 16 points)")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: /3e A – rentrée 2026/ })).toBeVisible();

  await page.getByRole("button", { name: "Archiver" }).click();
  await expect(page.getByText("Campagne archivée : elle ne peut plus être rejointe.")).toBeVisible();
  await page.goto("/orga?statut=archivees");
  await expect(page.getByRole("row", { name: /3e A – rentrée 2026/ })).toBeVisible();
  await page.getByRole("row", { name: /3e A – rentrée 2026/ }).getByRole("link").click();
  await page.getByRole("link", { name: "Paramètres", exact: true }).click();
  await page.getByRole("button", { name: "Désarchiver" }).click();
  await expect(page.getByText("Campagne désarchivée.")).toBeVisible();

  await page.getByRole("link", { name: "Dupliquer" }).click();
  await expect(page.getByLabel("Nom de la campagne")).toHaveValue("Copie de 3e A – rentrée 2026");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Copie de 3e A – rentrée 2026/ })).toBeVisible();
  await expect(page.getByTestId("campaign-code")).not.toHaveText(code);
});

test("a « Collecter les profils » campaign can be created, and the print page shows the code and a QR code", async ({ page }) => {
  await loginToOrga(page, DEMO.member);
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByLabel("Nom de la campagne").fill("Profils 2nde");
  await page.getByLabel("Collecter les profils Pix des participants").check();
  await expect(page.getByLabel("Que souhaitez-vous tester ?")).toHaveCount(0);
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Profils 2nde/ })).toBeVisible();
  await page.getByRole("link", { name: "Paramètres", exact: true }).click();
  await expect(page.getByText("Collecte de profils")).toBeVisible();
  const code = (await page.getByTestId("campaign-code").textContent())!.trim();
  await page.getByRole("link", { name: "Imprimer le code pour la classe" }).click();
  await page.waitForURL(/\/orga\/impression\/\d+$/);
  // The code in large type (read letter by letter), the direct link spelled out beside it.
  await expect(page.getByLabel(`Code : ${code.split("").join(" ")}`)).toHaveText(code);
  await expect(page.getByRole("img", { name: /QR code du lien/ })).toBeVisible();
});

test("a teacher of another establishment gets a 404 on the campaign", async ({ page, browser }) => {
  await loginToOrga(page, DEMO.member);
  await page.getByRole("row", { name: /Parcours de rentrée 5e/ }).getByRole("link").click();
  await page.waitForURL(/\/orga\/campagnes\/\d+$/);
  const url = page.url();
  const other = await browser.newContext();
  const outsider = await other.newPage();
  await loginToOrga(outsider, "admin.autre@example.org");
  for (const suffix of ["", "/resultats", "/analyse", "/parametres", "/modifier"]) {
    await outsider.goto(url + suffix);
    await expect(outsider.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    await expect(outsider.getByText("Parcours de rentrée 5e")).toHaveCount(0);
  }
  await other.close();
});
