import { test, expect, DEMO, loginToOrga } from "./fixtures";

test("the creation form offers the collège's parcours and links to their documentation: subjects, levels, bands, duration", async ({ page }) => {
  await loginToOrga(page, DEMO.member);
  await page.getByRole("link", { name: "Créer une campagne" }).click();
  await expect(page.getByRole("heading", { name: "Création d'une campagne" })).toBeVisible();
  const picker = page.getByLabel("Que souhaitez-vous tester ?");
  await expect(picker.locator("option", { hasText: "Parcours de rentrée 5e" })).toHaveCount(1);
  const offered = (await picker.locator("option").allTextContents()).map((t) => t.trim());
  expect(offered).toEqual(expect.arrayContaining(["Parcours de rentrée 5e", "Parcours de rentrée 4e", "Parcours de rentrée 3e", "3.4 Programmer"]));
  // A collège is not offered the lycée's parcours.
  expect(offered).not.toContain("SNT (global)");
  expect(offered).not.toContain("Parcours de rentrée 2nde");
  // Without a choice, the link leads to the whole catalogue (also without JavaScript).
  await expect(page.getByRole("link", { name: /la documentation correspondante/ })).toHaveAttribute("href", "/parcours");

  await picker.selectOption({ label: "Parcours de rentrée 4e" });
  const [doc] = await Promise.all([page.waitForEvent("popup"), page.getByRole("link", { name: /la documentation correspondante/ }).click()]);
  await expect(doc.getByRole("heading", { level: 1, name: "Parcours de rentrée 4e" })).toBeVisible();
  await expect(doc.getByText(/environ \d+ à \d+ minutes/)).toBeVisible();
  const subjects = doc.getByRole("table", { name: /Sujets du parcours Parcours de rentrée 4e/ });
  await expect(subjects.getByRole("row")).toHaveCount(17);
  await expect(subjects.getByRole("row", { name: /Repérer un message d'hameçonnage/ })).toContainText("niveaux 1 à 3");
  await expect(doc.getByRole("heading", { name: "Paliers" })).toBeVisible();
  await expect(doc.getByText("Une partie des savoir-faire attendus en début de 4e est en place, mais de nombreux sujets restent à travailler.")).toBeVisible();
  await doc.close();
});

test("anyone reads the catalogue, filtered by kind of school, and a lycée parcours built from our subjects", async ({ browser }) => {
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto("/parcours");
  await expect(visitor.getByRole("heading", { level: 1, name: "Documentation des parcours" })).toBeVisible();
  await visitor.getByRole("link", { name: "Lycée général et technologique" }).click();
  await expect(visitor.getByRole("link", { name: "Parcours de rentrée 5e" })).toHaveCount(0);
  await visitor.getByRole("link", { name: "SNT – Le Web" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "SNT – Le Web" })).toBeVisible();
  await expect(visitor.getByRole("table", { name: /Sujets du parcours/ }).getByRole("row")).toHaveCount(9);
  await expect(visitor.getByText("Lycée général et technologique", { exact: true })).toBeVisible();
  await visitor.goto("/parcours/tp-n-existe-pas");
  await expect(visitor.getByText(/n'existe pas/)).toBeVisible();
  await context.close();
});
