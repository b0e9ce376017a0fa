import { test, expect, DEMO, loginToOrga, orgaCampaignSearch } from "./fixtures";

test("the teacher follows the demo campaign: statuses, stars with the key to reading, analysis with tutorials", async ({ page }) => {
  await loginToOrga(page, DEMO.member);
  await page.goto(orgaCampaignSearch("Démo – Rentrée 4e A"));
  await page.getByRole("link", { name: "Démo – Rentrée 4e A" }).click();
  await page.waitForURL(/\/orga\/campagnes\/\d+$/);
  const table = page.getByRole("table", { name: /Participants/ });
  for (const [name, status] of [["Babbage", "Résultats reçus"], ["Lovelace", "Résultats reçus"], ["Santa", "Résultats reçus"], ["Pouzin", "En attente d'envoi"], ["Jackson", "En cours"]]) {
    await expect(table.getByRole("row", { name: new RegExp(name, "i") })).toContainText(status);
  }
  await expect(page.getByText("Total de participants")).toBeVisible();
  await page.getByLabel("Classe").selectOption("4A");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("table", { name: /Participants/ }).getByRole("row")).toHaveCount(6);
  await page.getByLabel("Statut", { exact: true }).selectOption("TO_SHARE");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("table", { name: /Participants/ }).getByRole("row")).toHaveCount(2);

  await page.getByRole("link", { name: "Résultats (11)" }).click();
  await page.waitForURL(/resultats/);
  // 4A's three and 4B's eight (the needs groups of the demo), plus the header row.
  await expect(page.getByRole("table", { name: /Résultats reçus/ }).getByRole("row")).toHaveCount(12);
  await expect(page.getByRole("row", { name: /Santa/i }).getByRole("img", { name: "1 étoile sur 3" })).toBeVisible();
  // Each result comes with its precision.
  for (const name of ["Babbage", "Lovelace", "Santa"]) await expect(page.getByRole("row", { name: new RegExp(name, "i") })).toContainText(/\d+\s%\s±\s\d+/);
  await expect(page.getByText("Tous vos élèves n'apparaissent pas ?").first()).toBeVisible();
  await page.getByText("Clés de lecture des résultats").click();
  await expect(page.getByText("de 81 à 100 % :")).toBeVisible();
  // The demo campaign is on the rentrée 4e parcours: its bands speak of the start of 4e.
  await expect(page.getByText("Une partie des savoir-faire attendus en début de 4e est en place, mais de nombreux sujets restent à travailler.", { exact: true })).toBeVisible();
  await expect(page.getByText(/Le\s«\s±\s»\sdonne la précision de la mesure/)).toBeVisible();
  await page.getByLabel("Palier").selectOption("1");
  await page.getByRole("button", { name: "Filtrer" }).click();
  // Four pupils at palier 1 (Santa and three 4B pupils), plus the header row.
  await expect(page.getByRole("table", { name: /Résultats reçus/ }).getByRole("row")).toHaveCount(5);
  await page.getByRole("link", { name: /^Santa$/i }).click();
  await expect(page.getByRole("heading", { name: /Résultats de Garance Santa/i })).toBeVisible();
  await expect(page.getByRole("table", { name: "Résultats par compétence" })).toBeVisible();
  await expect(page.getByText("Résultat", { exact: true }).locator("xpath=following-sibling::dd")).toContainText(/\d+\s%\s±\s\d+/);

  await page.getByRole("link", { name: "Analyse", exact: true }).click();
  await page.waitForURL(/analyse/);
  await expect(page.getByRole("heading", { name: "Sujets (16)" })).toBeVisible();
  const firstSubject = page.getByRole("table", { name: "Sujets classés par pertinence" }).getByRole("row").nth(1);
  await expect(firstSubject.getByRole("img", { name: /recommandé/i })).toBeVisible();
  await firstSubject.getByText("voir les tutos").click();
  await expect(firstSubject.getByRole("link").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Résultats par compétence" })).toBeVisible();
});

test("the owner deletes a participation after confirming; it is no longer counted", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await loginToOrga(page, DEMO.member);
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByLabel("Nom de la campagne").fill("Campagne à nettoyer");
  await page.getByLabel("Que souhaitez-vous tester ?").selectOption({ label: "Parcours de rentrée 5e" });
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Campagne à nettoyer/ })).toBeVisible();
  const code = (await page.getByTestId("campaign-code").textContent())!.trim();

  const pupilContext = await browser.newContext();
  const pupil = await pupilContext.newPage();
  await pupil.goto(`/connexion?retour=/campagnes/${code}`);
  await pupil.getByLabel("Adresse e-mail ou identifiant").fill("garance.santa@example.org");
  await pupil.getByLabel("Mot de passe").fill(DEMO.password);
  await pupil.getByRole("button", { name: "Je me connecte" }).click();
  await pupil.getByRole("button", { name: "C'est parti !" }).click();
  await pupil.waitForURL(/\/evaluation$/);
  await pupilContext.close();

  await page.reload();
  const row = page.getByRole("row", { name: /Santa/i });
  await expect(row).toContainText("En cours");
  await row.getByRole("button", { name: /Supprimer la participation de Garance Santa/i }).click();
  await row.getByRole("button", { name: "Oui, supprimer" }).click();
  await expect(page.getByText("Aucun participant pour l'instant.")).toBeVisible();
  await expect(page.getByText("Total de participants").locator("..")).toContainText("0");
});

test("the teacher downloads the results CSV: BOM, French headers, decimal comma, NA and the formula guard", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { parse } = await import("csv-parse/sync");
  await loginToOrga(page, DEMO.member);
  await page.goto(orgaCampaignSearch("Démo – Rentrée 4e A"));
  await page.getByRole("link", { name: "Démo – Rentrée 4e A" }).click();
  await page.waitForURL(/\/orga\/campagnes\/\d+$/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter les résultats (.csv)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Resultats-Démo – Rentrée 4e A-\d+-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  const text = (await import("node:fs")).readFileSync((await download.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = parse(text.slice(1), { delimiter: ";", relax_column_count: true });
  const header = rows[0];
  for (const column of ["Nom de l'organisation", "ID Campagne", "Code", "Nom de la campagne", "Nom du Profil Cible", "Nom du Participant", "Prénom du Participant", "% de progression", "Date de début", "Partage (O/N)", "Date du partage", "% maitrise de l'ensemble des acquis du profil"]) {
    expect(header).toContain(column);
  }
  const byName = (name: RegExp) => rows.find((r) => name.test(r[header.indexOf("Nom du Participant")]))!;
  const mastery = header.indexOf("% maitrise de l'ensemble des acquis du profil");
  expect(byName(/babbage/i)[header.indexOf("Partage (O/N)")]).toMatch(/^O|Oui$/);
  expect(byName(/babbage/i)[mastery]).toMatch(/^\d,\d+$|^1$/);
  expect(byName(/pouzin/i)[mastery]).toBe("NA");
  expect(rows.length).toBe(14);

  // A formula typed as an external id is neutralised in the export.
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByLabel("Nom de la campagne").fill("Export avec identifiant");
  await page.getByLabel("Que souhaitez-vous tester ?").selectOption({ label: "Parcours de rentrée 5e" });
  await page.getByRole("group", { name: "Souhaitez-vous demander un identifiant externe ?" }).getByLabel("Oui").check();
  await page.getByLabel("Libellé de l'identifiant").fill("Numéro d'élève");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  const code = (await page.getByTestId("campaign-code").textContent())!.trim();
  const pupilContext = await browser.newContext();
  const pupil = await pupilContext.newPage();
  await pupil.goto(`/connexion?retour=/campagnes/${code}`);
  await pupil.getByLabel("Adresse e-mail ou identifiant").fill("mary.jackson@example.org");
  await pupil.getByLabel("Mot de passe").fill(DEMO.password);
  await pupil.getByRole("button", { name: "Je me connecte" }).click();
  await pupil.getByLabel("Numéro d'élève").fill("=SOMME(A1:A9)");
  await pupil.getByRole("button", { name: "C'est parti !" }).click();
  await pupil.waitForURL(/\/evaluation$/);
  await pupilContext.close();
  const [second] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter les résultats (.csv)" }).click()]);
  const secondText = (await import("node:fs")).readFileSync((await second.path())!, "utf8");
  const secondRows: string[][] = parse(secondText.slice(1), { delimiter: ";", relax_column_count: true });
  expect(secondRows[1][secondRows[0].indexOf("Numéro d'élève")]).toBe("'=SOMME(A1:A9)");
});
