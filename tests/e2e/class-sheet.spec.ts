import { test, expect, DEMO, loginToOrga, orgaCampaignSearch } from "./fixtures";
import { newCampaignCode, newPupil, signUpThroughRoster } from "./roster-helpers";
import type { Page } from "@playwright/test";

const today = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());

/** The pupil rows of the class sheet, as [NOM, Prénom, Pour se connecter]. */
async function sheetRows(page: Page): Promise<string[][]> {
  return page.getByTestId("sheet-pupils").locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => (cell.textContent ?? "").trim())),
  );
}

/** A4 in PDF points, and the number of pages of a PDF printed by Chromium. */
function pdfPages(pdf: Buffer): { sizes: string[]; count: number } {
  const text = pdf.toString("latin1");
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
  return { sizes, count: [...text.matchAll(/\/Type\s*\/Page[^s]/g)].length };
}

test("the class sheet lists each pupil's login — the username of accounts the school manages, never an e-mail — and prints on A4 without the site around it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // Class 3A of the demo collège: Amélie joins with a username, François with his e-mail, Léa and Élodie not yet.
  const code = await newCampaignCode(page, "3A – fiche de classe");
  const campaignId = /\/orga\/campagnes\/(\d+)/.exec(page.url())![1];
  const email = `francois.muller.${Date.now()}@example.org`;
  const amelie = await newPupil(browser);
  const { login: username } = await signUpThroughRoster(amelie, code, { firstName: "Amélie", lastName: "Garçon", day: "13", month: "03", year: "2012" }, { password: "Amelie2026abc" });
  await amelie.context().close();
  const francois = await newPupil(browser);
  await signUpThroughRoster(francois, code, { firstName: "François", lastName: "Müller", day: "09", month: "05", year: "2012" }, { email, password: "Francois2026abc" });
  await francois.context().close();

  // From the campaign, the teacher opens the class sheet and chooses the class.
  await page.goto(`/orga/campagnes/${campaignId}`);
  await page.getByRole("link", { name: "Fiche de classe (identifiants)" }).click();
  await page.waitForURL(new RegExp(`/orga/impression/${campaignId}/classe$`));
  await page.getByLabel("Classe").selectOption("3A");
  await page.getByRole("button", { name: "Afficher la fiche" }).click();
  await page.waitForURL(/classe=3A/);
  await expect(page.getByTestId("sheet-school")).toHaveText("Collège Ada Lovelace");
  await expect(page.getByTestId("sheet-division")).toHaveText("3A");
  await expect(page.getByTestId("sheet-date")).toHaveText(today);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("3A – fiche de classe");
  await expect(page.getByTestId("sheet-code")).toHaveText(code);
  await expect(page.getByRole("img", { name: /QR code du lien http:\/\/localhost:\d+\/campagnes\// })).toBeVisible();
  expect(await page.getByTestId("sheet-link").textContent()).toMatch(new RegExp(`^http://localhost:\\d+/campagnes/${code}$`));
  expect(await sheetRows(page)).toEqual([
    ["GARÇON", "Amélie", username],
    ["LE GALL", "Élodie", "pas encore de compte"],
    ["MÜLLER", "François", "compte personnel"],
    ["NOËL", "Léa", "pas encore de compte"],
  ]);
  // The e-mail is nowhere: neither in the page nor in the HTML and data the server sent.
  const served = await (await page.request.get(page.url())).text();
  expect(served).toContain(username);
  expect(served).not.toContain(email);
  expect(served.toLowerCase()).not.toContain("francois.muller");
  expect(await page.locator("body").innerText()).not.toContain("@");

  // Printed: no header, navigation, footer or chooser; the sheet fits an A4 page's width.
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.locator("header:visible, nav:visible, footer:visible")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Afficher la fiche" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimer cette page" })).toBeHidden();
  await expect(page.getByTestId("sheet-pupils")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
  const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(pdf.count).toBe(1);
  expect(pdf.sizes.every((size) => size === "595x842"), `pages : ${pdf.sizes.join(", ")}`).toBe(true);
});

test("the demo class 4A on the demo campaign: personal accounts and pupils without an account, no e-mail; an unknown class is refused", async ({ page }) => {
  await loginToOrga(page, DEMO.admin);
  await page.goto(orgaCampaignSearch("Démo – Rentrée 4e A"));
  await page.getByRole("link", { name: "Démo – Rentrée 4e A" }).first().click();
  await page.waitForURL(/\/orga\/campagnes\/\d+$/);
  const campaignId = /\/orga\/campagnes\/(\d+)$/.exec(page.url())![1];
  const response = await page.goto(`/orga/impression/${campaignId}/classe?classe=4A`);
  const served = await response!.text();
  expect(await sheetRows(page)).toEqual([
    ["BABBAGE", "Charles", "compte personnel"],
    ["DUPONT", "Léa", "pas encore de compte"],
    ["JACKSON", "Mary", "compte personnel"],
    ["LOVELACE", "Ada", "compte personnel"],
    ["POUZIN", "Louis", "compte personnel"],
    ["SANTA", "Garance", "compte personnel"],
  ]);
  expect(served).not.toContain("@example.org");

  // A class that is not on the school's list shows no sheet and says so.
  await page.goto(`/orga/impression/${campaignId}/classe?classe=2nde1`);
  await expect(page.getByRole("alert").filter({ hasText: "Cette classe n'existe pas dans la liste des élèves de votre établissement" })).toBeVisible();
  await expect(page.getByTestId("sheet-pupils")).toHaveCount(0);
});

test("the code sheet names the school and the day, and its address breaks only between its parts", async ({ page }) => {
  await loginToOrga(page, DEMO.member);
  await page.goto(orgaCampaignSearch("Démo – Rentrée 4e A"));
  await page.getByRole("link", { name: "Démo – Rentrée 4e A" }).first().click();
  await page.waitForURL(/\/orga\/campagnes\/\d+$/);
  const code = (await page.getByTestId("campaign-code").textContent())!.trim();
  await page.getByRole("link", { name: "Imprimer le code pour la classe" }).click();
  await page.waitForURL(/\/orga\/impression\/\d+$/);
  await expect(page.getByTestId("sheet-school")).toHaveText("Collège Ada Lovelace");
  await expect(page.getByTestId("sheet-date")).toHaveText(today);
  const link = page.getByTestId("sheet-link");
  expect(await link.textContent()).toMatch(new RegExp(`^http://localhost:\\d+/campagnes/${code}$`));
  // Break opportunities sit between the address's parts (after « // », « / », « . »…), never inside a word: on a
  // narrow phone the address wraps, and each part stays whole on one line.
  expect(await link.locator("wbr").count()).toBeGreaterThan(2);
  await page.setViewportSize({ width: 320, height: 700 });
  const parts = await link.evaluate((el) =>
    [...el.children]
      .filter((child) => child.tagName === "SPAN")
      .map((part) => ({ text: part.textContent, lines: new Set([...part.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size })),
  );
  expect(parts.map((part) => part.text).join("")).toMatch(new RegExp(`/campagnes/${code}$`));
  expect(parts.filter((part) => part.lines !== 1), "une partie de l'adresse est coupée au milieu").toEqual([]);
  const tops = await link.evaluate((el) => new Set([...el.getClientRects()].map((rect) => Math.round(rect.top))).size);
  expect(tops, "l'adresse tient sur plusieurs lignes à 320 px").toBeGreaterThan(1);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimer cette page" })).toBeHidden();
  const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(pdf.count).toBe(1);
  expect(pdf.sizes.every((size) => size === "595x842")).toBe(true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the code sheet and the class sheet say how to print with the browser instead of a button that cannot work", async ({ page }) => {
    await loginToOrga(page, DEMO.member);
    await page.goto(orgaCampaignSearch("Démo – Rentrée 4e A"));
    await page.getByRole("link", { name: "Démo – Rentrée 4e A" }).first().click();
    await page.waitForURL(/\/orga\/campagnes\/\d+$/);
    const campaignId = /\/orga\/campagnes\/(\d+)/.exec(page.url())![1];
    const howTo = page.getByText("Pour imprimer, utilisez la commande « Imprimer » de votre navigateur (Ctrl + P, ou Cmd + P sur Mac).");

    await page.getByRole("link", { name: "Imprimer le code pour la classe" }).click();
    await page.waitForURL(/\/orga\/impression\/\d+$/);
    await expect(howTo).toBeVisible();
    await expect(page.getByRole("button", { name: "Imprimer cette page" })).toHaveCount(0);
    await page.emulateMedia({ media: "print" });
    await expect(howTo).toBeHidden();
    await page.emulateMedia({ media: "screen" });

    // The class sheet: the hint comes with the sheet of a chosen class (the form is a plain GET).
    await page.goto(`/orga/impression/${campaignId}/classe`);
    await expect(howTo).toHaveCount(0);
    await page.getByLabel("Classe").selectOption("4A");
    await page.getByRole("button", { name: "Afficher la fiche" }).click();
    await page.waitForURL(/classe=4A/);
    await expect(page.getByTestId("sheet-pupils")).toBeVisible();
    await expect(howTo).toBeVisible();
    await expect(page.getByRole("button", { name: "Imprimer cette page" })).toHaveCount(0);
  });
});
