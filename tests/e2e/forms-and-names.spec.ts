import { test, expect, DEMO, loginToOrga, orgaCampaignSearch } from "./fixtures";

test("a corrected field of the campaign form no longer shows its error; the other one stays until corrected", async ({ page }) => {
  await loginToOrga(page, DEMO.member);
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  const nameError = page.getByText("Veuillez donner un nom à votre campagne.");
  const parcoursError = page.getByText("Veuillez choisir ce que vous souhaitez tester (un parcours ou une compétence).");
  await expect(nameError).toBeVisible();
  await expect(parcoursError).toBeVisible();
  await page.getByLabel("Nom de la campagne").fill("4e C – rentrée");
  await expect(nameError).toHaveCount(0);
  await expect(page.getByLabel("Nom de la campagne")).not.toHaveAttribute("aria-invalid", "true");
  await expect(parcoursError).toBeVisible();
  await page.getByLabel("Que souhaitez-vous tester ?").selectOption({ label: "Parcours de rentrée 4e" });
  await expect(parcoursError).toHaveCount(0);
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /4e C – rentrée/ })).toBeVisible();
});

test("« J'ai un code » keeps the typed code after an error; a pupil signing up for a restricted campaign types their name once and is then greeted with the school's spelling", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await loginToOrga(page, DEMO.member);
  await page.goto(orgaCampaignSearch("4e B – Sécurité numérique"));
  const row = page.getByRole("row", { name: /4e B – Sécurité numérique/ });
  const code = (await row.getByRole("cell").first().textContent())!.trim();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const pupil = await context.newPage();
  await pupil.goto("/campagnes");
  await pupil.getByLabel("Saisissez votre code").fill("ZZZZZZ998");
  await pupil.getByRole("button", { name: "Accéder au parcours" }).click();
  await expect(pupil.getByText(/Votre code est erroné/)).toBeVisible();
  await expect(pupil.getByLabel("Saisissez votre code")).toHaveValue("ZZZZZZ998");
  await pupil.getByLabel("Saisissez votre code").fill(code);
  await pupil.getByRole("button", { name: "Accéder au parcours" }).click();

  // Joël NOËL of the school's roster signs up with the spelling of a keyboard without accents.
  await pupil.getByRole("link", { name: "Je m'inscris", exact: true }).click();
  await pupil.getByLabel("Prénom").fill("Joel");
  await pupil.getByLabel("Nom", { exact: true }).fill("Noel");
  await pupil.getByLabel("Adresse e-mail").fill(`joel.noel.${Date.now()}@example.org`);
  await pupil.getByLabel("Mot de passe").fill("Joel2026noel");
  await pupil.getByLabel("J'accepte les conditions d'utilisation").check();
  await pupil.getByRole("button", { name: "Je m'inscris" }).click();
  await pupil.waitForURL(/\/rejoindre$/);
  // « Qui êtes-vous ? » already holds the names just typed: only the birthdate is left.
  await expect(pupil.getByLabel("Prénom")).toHaveValue("Joel");
  await expect(pupil.getByLabel("Nom", { exact: true })).toHaveValue("Noel");
  await pupil.getByLabel("Jour").fill("25");
  await pupil.getByLabel("Mois").fill("03");
  await pupil.getByLabel("Année").fill("2013");
  await pupil.getByRole("button", { name: "Je rejoins le parcours" }).click();
  await expect(pupil.getByRole("button", { name: "C'est parti !" })).toBeVisible();

  // Linked to the roster: the school's spelling in the header and the greetings.
  await expect(pupil.getByRole("banner")).toContainText("Joël NOËL");
  await pupil.goto("/");
  await expect(pupil.getByRole("heading", { name: "Bonjour Joël !" })).toBeVisible();
  await pupil.goto("/campagnes");
  await expect(pupil.getByText("Vous n'êtes pas Joël NOËL ?")).toBeVisible();
  await expect(pupil.getByText(/Joel|Noel\b/)).toHaveCount(0);
  await context.close();

  // The teacher reads the same spelling.
  await page.goto("/orga/eleves?recherche=no%C3%ABl");
  await expect(page.getByRole("row", { name: /NOËL Joël/ })).toContainText("Adresse e-mail");
});
