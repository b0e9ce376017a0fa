import { readFileSync } from "node:fs";
import { test, expect, DEMO, loginToOrga, orgaCampaignSearch } from "./fixtures";
import type { Page } from "@playwright/test";

/** The demo campaign's needs groups (its eleven results: 4A's three, 4B's eight). */
async function openGroups(page: Page) {
  await loginToOrga(page, DEMO.member);
  await page.goto(orgaCampaignSearch("Démo – Rentrée 4e A"));
  await page.getByRole("link", { name: "Démo – Rentrée 4e A" }).first().click();
  await page.waitForURL(/\/orga\/campagnes\/\d+$/);
  await page.getByRole("link", { name: "Analyse", exact: true }).click();
  await page.getByRole("link", { name: "Groupes de besoins" }).click();
  await page.waitForURL(/\/analyse\/groupes$/);
}

/** The group section holding a pupil's row. */
const sectionOf = (page: Page, lastName: string) => page.locator("section[data-needs-group]").filter({ has: page.getByRole("row", { name: new RegExp(lastName) }) });

test("the teacher sees the demo's needs groups, moves a pupil (kept after reload), exports and prints them, then recomputes", async ({ page }) => {
  await openGroups(page);
  await expect(page.getByRole("heading", { name: /^Groupes de besoins \(\d\)$/ })).toBeVisible();
  await expect(page.getByText(/^Les 11 élèves dont les résultats sont reçus sont répartis en \d groupes selon leur maîtrise de chaque sujet/)).toBeVisible();
  await expect(page.getByText(/Les groupes sont .* séparés .*indice de silhouette \d,\d\d/)).toBeVisible();
  const groups = page.locator("section[data-needs-group]");
  const count = await groups.count();
  expect(count).toBeGreaterThanOrEqual(2);
  // Each group says what it must work, with the group's mastery, and lists its pupils.
  await expect(groups.first().getByRole("heading", { name: "Sujets à travailler" })).toBeVisible();
  await expect(groups.first().getByText(/maîtrise du groupe : \d+ %/).first()).toBeVisible();

  // Move Alan Turing to another group.
  const from = sectionOf(page, "TURING");
  const fromTitle = (await from.getByRole("heading", { level: 3 }).textContent())!;
  const fromNumber = Number(/Groupe (\d)/.exec(fromTitle)![1]);
  const target = fromNumber === 1 ? 2 : 1;
  await from.getByLabel("Déplacer Alan TURING vers le groupe").selectOption(String(target));
  await from.getByRole("button", { name: "Déplacer Alan TURING" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Alan TURING est maintenant dans le groupe ${target}.` })).toBeVisible();
  const check = async () => {
    const now = sectionOf(page, "TURING");
    await expect(now.getByRole("heading", { level: 3 })).toContainText(`Groupe ${target} —`);
    await expect(now.getByRole("row", { name: /TURING/ })).toContainText("déplacé par vous");
  };
  await check();
  await page.reload();
  await check();

  // The CSV: BOM, « ; », the move, the group's subjects.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter les groupes (.csv)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Groupes-Démo – Rentrée 4e A-\d+-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.split("\n")[0]).toBe("\uFEFFGroupe;Nom du Participant;Prénom du Participant;Classe;Déplacé par l'enseignant;Sujets à travailler (maîtrise du groupe)");
  expect(text).toMatch(new RegExp(`^Groupe ${target};TURING;Alan;4B;Oui;.+ \\(\\d+ %\\)`, "m"));
  expect(text.trim().split("\n")).toHaveLength(12);

  // On paper: no site around the groups, no forms, one page per group. With JavaScript « Imprimer » is a button.
  await expect(page.getByRole("button", { name: "Imprimer cette page" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Onglets de la campagne" })).toBeHidden();
  await expect(page.getByRole("button", { name: /^Déplacer/ }).first()).toBeHidden();
  const breaks = await groups.evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
  expect(breaks).toEqual(["auto", ...Array(count - 1).fill("page")]);
  await page.emulateMedia({ media: "screen" });

  // « Recalculer les groupes » asks first, says what is lost, then forgets the move.
  await page.getByRole("link", { name: "Recalculer les groupes" }).click();
  await expect(page.getByText("le déplacement que vous avez fait sera perdu")).toBeVisible();
  await page.getByRole("button", { name: "Confirmer le recalcul" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Les groupes ont été recalculés." })).toBeVisible();
  await expect(sectionOf(page, "TURING").getByRole("row", { name: /TURING/ })).not.toContainText("déplacé par vous");
  await expect(sectionOf(page, "TURING").getByRole("heading", { level: 3 })).toContainText(`Groupe ${fromNumber} —`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("« Imprimer cette page » leads to the print version: the groups alone, how to print them, one page per group", async ({ page }) => {
    await openGroups(page);
    await page.getByRole("link", { name: "Imprimer cette page" }).click();
    await page.waitForURL(/\/analyse\/groupes\?impression=1$/);
    const howTo = page.getByText("Pour imprimer, utilisez la commande « Imprimer » de votre navigateur (Ctrl + P, ou Cmd + P sur Mac).");
    await expect(howTo).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Groupes de besoins \(\d\)$/ })).toBeVisible();
    // The groups only: nothing to change from here.
    await expect(page.getByRole("button", { name: /^Déplacer/ })).toHaveCount(0);
    await expect(page.getByRole("columnheader", { name: "Changer de groupe" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Recalculer les groupes" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Imprimer cette page" })).toHaveCount(0);
    const groups = page.locator("section[data-needs-group]");
    const count = await groups.count();
    expect(count).toBeGreaterThanOrEqual(2);
    await expect(sectionOf(page, "TURING").getByRole("row", { name: /TURING/ })).toBeVisible();

    await page.emulateMedia({ media: "print" });
    await expect(howTo).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Onglets de la campagne" })).toBeHidden();
    const breaks = await groups.evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
    expect(breaks).toEqual(["auto", ...Array(count - 1).fill("page")]);
    await page.emulateMedia({ media: "screen" });

    await page.getByRole("link", { name: "← Retour aux groupes" }).click();
    await page.waitForURL(/\/analyse\/groupes$/);
    await expect(page.getByRole("link", { name: "Recalculer les groupes" })).toBeVisible();
  });

  test("moving a pupil and recomputing are plain forms", async ({ page }) => {
    await openGroups(page);
    const from = sectionOf(page, "PERLMAN");
    const fromNumber = Number(/Groupe (\d)/.exec((await from.getByRole("heading", { level: 3 }).textContent())!)![1]);
    const target = fromNumber === 1 ? 2 : 1;
    await from.getByLabel("Déplacer Radia PERLMAN vers le groupe").selectOption(String(target));
    await from.getByRole("button", { name: "Déplacer Radia PERLMAN" }).click();
    await expect(page.getByText(`Radia PERLMAN est maintenant dans le groupe ${target}.`)).toBeVisible();
    await expect(sectionOf(page, "PERLMAN").getByRole("heading", { level: 3 })).toContainText(`Groupe ${target} —`);
    await page.getByRole("link", { name: "Recalculer les groupes" }).click();
    await page.getByRole("button", { name: "Confirmer le recalcul" }).click();
    await expect(page.getByText("Les groupes ont été recalculés.")).toBeVisible();
    await expect(sectionOf(page, "PERLMAN").getByRole("heading", { level: 3 })).toContainText(`Groupe ${fromNumber} —`);
  });
});
