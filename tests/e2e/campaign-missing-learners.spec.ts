import { test, expect, DEMO, loginToOrga } from "./fixtures";

test("inside a campaign, « Tous vos élèves n'apparaissent pas ? » names the class's pupils who have not joined, and what can be done for their account", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A campaign of our own, so that other journeys' participants do not count.
  await loginToOrga(page, DEMO.admin);
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByLabel("Nom de la campagne").fill("4A – qui manque ?");
  await page.getByLabel("Que souhaitez-vous tester ?").selectOption({ label: "Parcours de rentrée 4e" });
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /4A – qui manque \?/ })).toBeVisible();
  const code = (await page.getByTestId("campaign-code").textContent())!.trim();
  const campaignUrl = new URL(page.url()).pathname; // without the « créée » notice of the query

  // Nobody has joined yet: the help says so and gives the code, it does not list the whole school.
  await page.goto(`${campaignUrl}/resultats`);
  const help = page.getByTestId("campaign-missing-learners");
  await help.getByText("Tous vos élèves n'apparaissent pas ?").click();
  await expect(help).toContainText(`Aucun élève n'a encore rejoint ce parcours. Donnez-leur le code ${code}`);
  await expect(help.getByRole("listitem")).toHaveCount(0);

  // Charles Babbage (4A, linked to the roster) starts the campaign.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const pupil = await context.newPage();
  await pupil.goto(`/connexion?retour=${encodeURIComponent(`/campagnes/${code}`)}`);
  await pupil.getByLabel("Adresse e-mail ou identifiant").fill(DEMO.pupil);
  await pupil.getByLabel("Mot de passe").fill(DEMO.password);
  await pupil.getByRole("button", { name: "Je me connecte" }).click();
  await pupil.getByRole("button", { name: "C'est parti !" }).click();
  await pupil.waitForURL((url) => !url.pathname.endsWith(`/campagnes/${code}`));
  await context.close();

  // The class 4A is now the campaign's: its other pupils are named, Babbage is among those who have not sent.
  await page.goto(`${campaignUrl}/resultats`);
  await help.getByText("Tous vos élèves n'apparaissent pas ?").click();
  const notJoined = help.getByRole("region", { name: /de la classe 4A n'ont pas rejoint ce parcours/ });
  await expect(notJoined.getByRole("listitem").filter({ hasText: "LOVELACE Ada" })).toBeVisible();
  await expect(notJoined.getByRole("listitem").filter({ hasText: "BABBAGE" })).toHaveCount(0);
  await expect(notJoined.getByRole("listitem").filter({ hasText: "DUPONT" })).toContainText("pas encore de compte Pix");
  const notShared = help.getByRole("region", { name: /a commencé le parcours sans envoyer ses résultats/ });
  await expect(notShared.getByRole("listitem")).toHaveText([/BABBAGE Charles/]);

  // Ada signs in with her own e-mail: a personal account, which the school may not reset (docs/adr/0009) — the help
  // points her to « Mot de passe oublié ? » and offers no reset link; Mary Jackson's is the same.
  const ada = notJoined.getByRole("listitem").filter({ hasText: "LOVELACE Ada" });
  await expect(ada).toContainText("compte personnel : en cas d'oubli, « Mot de passe oublié ? »");
  await expect(notJoined.getByRole("link", { name: /Réinitialiser le mot de passe/ })).toHaveCount(0);
  await expect(help).not.toContainText("@example.org");

  // Her row of the pupils' list: the menu is named for screen readers, and it offers no reset of a personal account.
  await page.goto(`/orga/eleves?recherche=${encodeURIComponent("Ada Lovelace")}`);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: "LOVELACE" })).toHaveCount(1);
  await page.locator("summary", { hasText: "Gérer l'élève Ada LOVELACE" }).click();
  await expect(rows.filter({ hasText: "LOVELACE" }).getByRole("button", { name: /Réinitialiser le mot de passe/ })).toHaveCount(0);
});
