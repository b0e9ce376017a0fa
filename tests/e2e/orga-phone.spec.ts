import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { test, expect, DEMO, loginToOrga, orgaCampaignSearch, expectAccessible } from "./fixtures";
import type { Page } from "@playwright/test";

/** Every page of Pix Orga, as a route pattern read from the app folder (route groups dropped). */
function orgaPagePatterns(): string[] {
  const root = path.join("app", "(orga)", "orga");
  const patterns: string[] = [];
  const walk = (folder: string, route: string) => {
    for (const entry of readdirSync(folder)) {
      const full = path.join(folder, entry);
      if (statSync(full).isDirectory()) walk(full, /^\(.*\)$/.test(entry) ? route : `${route}/${entry}`);
      else if (/^page\.(tsx|ts|jsx|js)$/.test(entry)) patterns.push(route);
    }
  };
  walk(root, "/orga");
  return patterns.sort();
}

type Ids = { assessment: string; collection: string; assessmentParticipation: string; collectionParticipation: string };

/** The addresses visited for each page: a new page of the app folder fails the test until it is listed here. */
const VISITS: Record<string, (ids: Ids) => string[]> = {
  "/orga": () => ["/orga", "/orga?statut=archivees&onglet=mes"],
  "/orga/activation": () => ["/orga/activation"],
  "/orga/aide": () => ["/orga/aide"],
  "/orga/rejoindre": () => ["/orga/rejoindre?invitationId=1&code=INCONNU"],
  "/orga/eleves": () => ["/orga/eleves"],
  "/orga/equipe": () => ["/orga/equipe"],
  "/orga/campagnes/nouvelle": () => ["/orga/campagnes/nouvelle"],
  "/orga/campagnes/[id]": (ids) => [`/orga/campagnes/${ids.assessment}`, `/orga/campagnes/${ids.collection}`],
  "/orga/campagnes/[id]/resultats": (ids) => [`/orga/campagnes/${ids.assessment}/resultats`, `/orga/campagnes/${ids.collection}/resultats`],
  "/orga/campagnes/[id]/resultats/[participationId]": (ids) => [
    `/orga/campagnes/${ids.assessment}/resultats/${ids.assessmentParticipation}`,
    `/orga/campagnes/${ids.collection}/resultats/${ids.collectionParticipation}`,
  ],
  "/orga/campagnes/[id]/analyse": (ids) => [`/orga/campagnes/${ids.assessment}/analyse`, `/orga/campagnes/${ids.collection}/analyse`],
  "/orga/campagnes/[id]/suivi": (ids) => [`/orga/campagnes/${ids.assessment}/suivi`, `/orga/campagnes/${ids.assessment}/suivi?classe=4A`],
  "/orga/campagnes/[id]/analyse/groupes": (ids) => [`/orga/campagnes/${ids.assessment}/analyse/groupes`],
  "/orga/campagnes/[id]/analyse/questions": (ids) => [`/orga/campagnes/${ids.assessment}/analyse/questions`, `/orga/campagnes/${ids.assessment}/analyse/questions?tri=reussite-croissante`],
  "/orga/campagnes/[id]/parametres": (ids) => [`/orga/campagnes/${ids.assessment}/parametres`, `/orga/campagnes/${ids.collection}/parametres`],
  "/orga/campagnes/[id]/modifier": (ids) => [`/orga/campagnes/${ids.assessment}/modifier`],
  "/orga/impression/[id]": (ids) => [`/orga/impression/${ids.assessment}`],
  "/orga/impression/[id]/classe": (ids) => [`/orga/impression/${ids.assessment}/classe`, `/orga/impression/${ids.assessment}/classe?classe=4A`],
  "/orga/[...chemin]": () => ["/orga/adresse-inconnue", "/orga/campagnes/999999/resultats/1"],
};

/** Opens every disclosure (keys to reading, tables of charts, « Gérer »…), then measures the page's width. */
async function expectNoHorizontalScroll(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("load");
  const widths = await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
    return { page: document.documentElement.scrollWidth, viewport: window.innerWidth };
  });
  expect(widths.page, `${url} : la page fait ${widths.page} px de large pour un écran de ${widths.viewport} px`).toBeLessThanOrEqual(390);
  // Each page is scanned here, its disclosures open, before the next visit (the fixture's own scan would be cut short).
  await expectAccessible(page, url);
}

async function campaignIds(page: Page): Promise<Ids> {
  const idOf = async (name: string) => {
    await page.goto(orgaCampaignSearch(name));
    await page.getByRole("link", { name }).click();
    await page.waitForURL(/\/orga\/campagnes\/\d+$/);
    return /\/orga\/campagnes\/(\d+)$/.exec(page.url())![1];
  };
  const participationOf = async (campaign: string) => {
    await page.goto(`/orga/campagnes/${campaign}/resultats`);
    const href = await page.getByRole("link", { name: /^Lovelace$/i }).getAttribute("href");
    return /\/resultats\/(\d+)$/.exec(href!)![1];
  };
  const assessment = await idOf("Démo – Rentrée 4e A");
  const collection = await idOf("Démo – Profils 4e A");
  return { assessment, collection, assessmentParticipation: await participationOf(assessment), collectionParticipation: await participationOf(collection) };
}

test.use({ viewport: { width: 390, height: 844 } });

test("every Pix Orga page fits a 390 px phone: tables scroll inside their own box (and each page passes axe)", async ({ page }) => {
  // About thirty pages, each measured and scanned with axe.
  test.setTimeout(420_000);
  const patterns = orgaPagePatterns();
  expect(Object.keys(VISITS).sort(), "chaque page de app/(orga)/orga doit figurer dans VISITS").toEqual(patterns);
  await expectNoHorizontalScroll(page, "/orga");
  await expectNoHorizontalScroll(page, "/orga/activation");
  await loginToOrga(page, DEMO.admin);
  const ids = await campaignIds(page);
  const titles = new Map<string, string>();
  for (const pattern of patterns) {
    for (const url of VISITS[pattern](ids)) await expectNoHorizontalScroll(page, url);
    titles.set(pattern, await page.title());
  }
  // Each tab of a campaign names itself (RGAA 8.6), not the space's generic title.
  const tabs = [...titles].filter(([pattern]) => pattern.startsWith("/orga/campagnes/[id]"));
  expect(tabs.length).toBeGreaterThanOrEqual(8);
  expect(new Set(tabs.map(([, title]) => title)).size, JSON.stringify(tabs)).toBe(tabs.length);
  for (const [pattern, title] of tabs) expect(title, pattern).not.toBe("Pix Orga | Pix Libre");
  // A campaign that does not exist (or of another school) keeps the Orga layout too.
  await expectNoHorizontalScroll(page, "/orga/campagnes/999999");
});

test("a 404 inside Pix Orga keeps its header and leads back to the teacher's home", async ({ page }) => {
  await loginToOrga(page, DEMO.member);
  for (const url of ["/orga/campagnes/999999", "/orga/campagnes/999999/analyse", "/orga/adresse-inconnue"]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Navigation Pix Orga" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Retour à l'accueil de Pix Orga" })).toHaveAttribute("href", "/orga");
    await expect(page.getByRole("link", { name: "Retour à l'accueil", exact: true })).toHaveCount(0);
  }
});
