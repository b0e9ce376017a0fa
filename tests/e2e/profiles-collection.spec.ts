import { test, expect, DEMO, loginToOrga, orgaCampaignSearch } from "./fixtures";
import type { Browser } from "@playwright/test";

type PupilProfile = { total: number; levels: Map<string, { level: number; pix: number }> };

/** A demo pupil sends their profile to the campaign; returns the profile they saw on their « Compétences » page. */
async function sendProfile(browser: Browser, email: string, code: string): Promise<PupilProfile> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const pupil = await context.newPage();
  await pupil.goto(`/connexion?retour=/campagnes/${code}`);
  await pupil.getByLabel("Adresse e-mail ou identifiant").fill(email);
  await pupil.getByLabel("Mot de passe").fill(DEMO.password);
  await pupil.getByRole("button", { name: "Je me connecte" }).click();
  await pupil.getByRole("button", { name: "Voir mon profil" }).click();
  await pupil.getByRole("button", { name: "J'envoie mon profil" }).click();
  await expect(pupil.getByText(/Votre profil a été envoyé le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await pupil.goto("/competences");
  const total = Number(await pupil.getByTestId("total-pix").textContent());
  const levels = new Map<string, { level: number; pix: number }>();
  for (const card of await pupil.getByRole("listitem").filter({ hasText: /Niveau \d+ · \d+ pix/ }).all()) {
    const text = (await card.textContent()) ?? "";
    const index = /^(\d\.\d)/.exec(text.trim())![1];
    const [, level, pix] = /Niveau (\d+) · (\d+) pix/.exec(text)!;
    levels.set(index, { level: Number(level), pix: Number(pix) });
  }
  expect(levels.size).toBe(16);
  await context.close();
  return { total, levels };
}

test("a « Collecter les profils » campaign shows pix, certifiability and levels per competence in every tab", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await loginToOrga(page, DEMO.member);
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByLabel("Nom de la campagne").fill("Profils 4e A");
  await page.getByLabel("Collecter les profils Pix des participants").check();
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Profils 4e A/ })).toBeVisible();
  const code = (await page.getByTestId("campaign-code").textContent())!.trim();
  const campaignUrl = page.url().replace(/\?.*$/, "");

  const ada = await sendProfile(browser, "ada.lovelace@example.org", code);
  const charles = await sendProfile(browser, DEMO.pupil, code);
  const certifiable = (profile: PupilProfile) => [...profile.levels.values()].filter((c) => c.level >= 1).length;

  // Activité: the profiles' figures, not an assessment's percentage; the table has the class and coloured statuses.
  await page.goto(campaignUrl);
  await expect(page.getByText("Résultat moyen")).toHaveCount(0);
  await expect(page.getByText("Profils reçus", { exact: true }).locator("..")).toContainText("2");
  await expect(page.getByText("Score Pix moyen").locator("..")).toContainText(`${Math.round((ada.total + charles.total) / 2)} pix`);
  const certifiableCount = [ada, charles].filter((p) => certifiable(p) >= 5).length;
  await expect(page.getByText("Élèves certifiables").locator("..")).toContainText(`${certifiableCount} sur 2`);
  const participants = page.getByRole("table", { name: /Participants/ });
  await expect(participants.getByRole("columnheader", { name: "Classe" })).toBeVisible();
  await expect(participants.getByRole("row", { name: /Lovelace/i })).toContainText("4A");
  await expect(participants.getByRole("row", { name: /Lovelace/i }).getByText("Profil reçu")).toHaveClass(/bg-green/);

  // Résultats: one row per pupil with the CSV's figures, and their own key to reading.
  await page.getByRole("link", { name: "Résultats (2)" }).click();
  await expect(page.getByText("Clés de lecture des résultats")).toHaveCount(0);
  await page.getByText("Clés de lecture des profils").click();
  await expect(page.getByText(/niveau 1 dans 5 compétences/)).toBeVisible();
  const results = page.getByRole("table", { name: /Profils reçus/ });
  for (const [name, profile] of [["Lovelace", ada], ["Babbage", charles]] as const) {
    const row = results.getByRole("row", { name: new RegExp(name, "i") });
    await expect(row).toContainText(`${profile.total} pix`);
    await expect(row).toContainText(`${certifiable(profile)} / 16`);
    await expect(row).toContainText(certifiable(profile) >= 5 ? /(?<!Non )Certifiable/ : "Non certifiable");
  }
  await expect(page.getByText(/%/)).toHaveCount(0);

  // The pupil's page: the 16 competences with the level and pix the pupil sees.
  await results.getByRole("link", { name: /^Lovelace$/i }).click();
  await expect(page.getByRole("heading", { name: /^Profil d'Ada Lovelace$/i })).toBeVisible();
  await expect(page.getByText(`${ada.total} pix`, { exact: true })).toBeVisible();
  const detail = page.getByRole("table", { name: "Niveau par compétence" });
  await expect(detail.getByRole("row")).toHaveCount(17);
  for (const [index, competence] of ada.levels) {
    const row = detail.getByRole("row", { name: new RegExp(`^${index.replace(".", "\\.")} `) });
    await expect(row.getByRole("cell")).toHaveText([String(competence.level), String(competence.pix)]);
  }

  // Analyse: the level distribution of each competence (chart and table).
  await page.goto(`${campaignUrl}/analyse`);
  await expect(page.getByRole("heading", { name: "Analyse des profils (2)" })).toBeVisible();
  await expect(page.getByText("Répartition des niveaux par compétence")).toBeVisible();
  const levels = page.getByRole("table", { name: "Niveaux par compétence" });
  await expect(levels.getByRole("row")).toHaveCount(17);
  for (const [index] of ada.levels) {
    const cells = await levels.getByRole("row", { name: new RegExp(`^${index.replace(".", "\\.")} `) }).getByRole("cell").allTextContents();
    // Levels 0 to 5: two pupils in all, at the levels they reached.
    const counts = cells.slice(0, 6).map((cell) => Number(/^\d+/.exec(cell)![0]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    for (const profile of [ada, charles]) expect(counts[profile.levels.get(index)!.level]).toBeGreaterThan(0);
  }
});

test("the Activité chart starts at zero the day before and has a point for every day; its table lists the days", async ({ page }) => {
  await loginToOrga(page, DEMO.member);
  await page.goto(orgaCampaignSearch("Démo – Rentrée 4e A"));
  await page.getByRole("link", { name: "Démo – Rentrée 4e A" }).click();
  await page.waitForURL(/\/orga\/campagnes\/\d+$/);
  // The demo's pupils started 6, 5, 4 (class 4B), 3, 2 and 1 days ago: the chart runs from the day before the first start to today.
  const day = (daysAgo: number) => new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date(Date.now() - daysAgo * 24 * 3600 * 1000));
  await expect(page.getByText(`Du ${day(7)} au ${day(0)}, jour par jour (8 jours).`)).toBeVisible();
  await page.getByText("Voir les données du graphique sous forme de tableau").click();
  const table = page.getByRole("table", { name: /Activité des participants, jour par jour/ });
  await expect(table.getByRole("row")).toHaveCount(7);
  // Yesterday Mary Jackson started: one new participant, none sent; 13 participants and 11 results in all (4B's eight).
  await expect(table.getByRole("row").last().getByRole("cell")).toHaveText(["1", "0", "13", "11"]);
  const participants = page.getByRole("table", { name: /Participants/ });
  await expect(participants.getByRole("columnheader", { name: "Classe" })).toBeVisible();
  await expect(participants.getByRole("row", { name: /Jackson/i }).getByText("En cours")).toHaveClass(/bg-amber/);
  await expect(participants.getByRole("row", { name: /Pouzin/i }).getByText("En attente d'envoi")).toHaveClass(/bg-sky/);
  await expect(participants.getByRole("row", { name: /Santa/i }).getByText("Résultats reçus")).toHaveClass(/bg-green/);
});
