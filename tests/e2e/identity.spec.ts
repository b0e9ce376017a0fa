import { test, expect, DEMO, loginToOrga, orgaCampaignSearch } from "./fixtures";
import type { Page } from "@playwright/test";

const FOOTER_PAGES = [
  { link: "Mentions légales", url: "/mentions-legales", heading: "Mentions légales" },
  { link: "Accessibilité : partiellement conforme", url: "/accessibilite", heading: "Déclaration d'accessibilité" },
  { link: "Données personnelles", url: "/donnees-personnelles", heading: "Données personnelles" },
];

async function loginAsPupil(page: Page) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail ou identifiant").fill(DEMO.pupil);
  await page.getByLabel("Mot de passe").fill(DEMO.password);
  await page.getByRole("button", { name: "Je me connecte" }).click();
  await expect(page.getByRole("banner").getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}

/** Follows each footer link from `from`, then the footer's « Aide », which must lead to `helpUrl`. */
async function followFooter(page: Page, from: string, helpUrl: string, helpHeading: RegExp) {
  // Eight page loads, each scanned by axe: slow on a loaded machine.
  test.setTimeout(180_000);
  for (const target of FOOTER_PAGES) {
    await page.goto(from);
    const footer = page.getByRole("contentinfo").getByRole("navigation", { name: "Pied de page" });
    await footer.getByRole("link", { name: target.link }).click();
    await expect(page).toHaveURL(target.url);
    await expect(page.getByRole("heading", { level: 1, name: target.heading })).toBeVisible();
    // The shared pages have the footer too, and a way back to both spaces.
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Aide" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Pix Orga (enseignants)" })).toHaveAttribute("href", "/orga");
  }
  await page.goto(from);
  await page.getByRole("contentinfo").getByRole("link", { name: "Aide" }).click();
  await expect(page).toHaveURL(helpUrl);
  await expect(page.getByRole("heading", { level: 1, name: helpHeading })).toBeVisible();
}

async function expectImagesLoaded(page: Page) {
  const images = page.locator("main img");
  expect(await images.count()).toBeGreaterThan(0);
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { message: await image.getAttribute("src") ?? "" }).toBe(true);
  }
}

test("the favicon answers 200 on both addresses, and every page names it", async ({ page, request }) => {
  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  for (const url of ["/", "/orga"]) {
    await page.goto(url);
    const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
    expect((await request.get(href!)).status()).toBe(200);
  }
});

test("a pupil page's footer leads to the legal notice, the accessibility declaration, personal data and the pupils' help", async ({ page }) => {
  await followFooter(page, "/campagnes", "/aide", /^Aide$/);
  await page.goto("/accessibilite");
  await expect(page.getByText("partiellement conforme", { exact: true })).toBeVisible();
  await expect(page.getByText(/0 défaut sérieux ou critique/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ce qui n'est pas encore vérifié" })).toBeVisible();
  await expect(page.getByText("Défenseur des droits", { exact: true })).toBeVisible();
  await page.goto("/donnees-personnelles");
  await expect(page.getByRole("heading", { name: "Pour les élèves, en quelques mots" })).toBeVisible();
  await expect(page.getByText("mission d'intérêt public")).toBeVisible();
  await expect(page.getByText(/36 mois sans activité/)).toBeVisible();
  await expect(page.getByText("Le journal de sécurité est gardé 1 an.")).toBeVisible();
});

test("a Pix Orga page's footer leads to the same pages and to the teachers' help", async ({ page }) => {
  await loginToOrga(page, DEMO.member);
  await followFooter(page, "/orga/equipe", "/orga/aide", /démarrer une campagne/);
});

test("the pupils' help explains the code, what to do when lost and how results are sent, with our screenshots", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Aide" }).click();
  await expect(page).toHaveURL("/aide");
  await expect(page.getByRole("banner").getByRole("link", { name: "Aide" })).toHaveAttribute("aria-current", "page");
  for (const heading of ["Entrer le code de mon professeur", "Je suis perdu", "Comment mes résultats arrivent chez mon professeur"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Le site me dit « Vérifiez vos informations »" })).toBeVisible();
  await expectImagesLoaded(page);
});

test("the teachers' help follows the guide's check-list, linked from the Pix Orga header", async ({ page }) => {
  await loginToOrga(page, DEMO.admin);
  await page.getByRole("navigation", { name: "Navigation Pix Orga" }).getByRole("link", { name: "Aide" }).click();
  await expect(page).toHaveURL("/orga/aide");
  const checklist = page.getByRole("navigation", { name: "Votre check-list" });
  for (const step of ["Accéder à Pix Orga", "Créer une campagne", "Donner le code campagne à ses élèves", "Suivre le parcours et la remontée des résultats", "Analyser les résultats"]) {
    await expect(checklist.getByRole("link", { name: step })).toBeVisible();
  }
  await expect(page.getByText("de 51 à 80 % :")).toBeVisible();
  await expectImagesLoaded(page);
  // Signed out, the help stays reachable from the login page's header.
  await page.context().clearCookies();
  await page.goto("/orga");
  await expect(page.getByRole("banner").getByRole("link", { name: "Aide" })).toHaveAttribute("href", "/orga/aide");
});

test("Pix Orga's navigation marks the current section, campaign pages included", async ({ page }) => {
  await loginToOrga(page, DEMO.admin);
  const nav = page.getByRole("navigation", { name: "Navigation Pix Orga" });
  const current = nav.locator('[aria-current="page"]');
  await expect(current).toHaveText("Campagnes");
  await nav.getByRole("link", { name: "Élèves" }).click();
  await expect(page).toHaveURL("/orga/eleves");
  await expect(current).toHaveText("Élèves");
  await expect(current).toHaveCount(1);
  await nav.getByRole("link", { name: "Équipe" }).click();
  await expect(current).toHaveText("Équipe");
  await nav.getByRole("link", { name: "Campagnes" }).click();
  await expect(current).toHaveText("Campagnes");
  await page.goto(orgaCampaignSearch("Démo – Rentrée 4e A"));
  await page.getByRole("link", { name: "Démo – Rentrée 4e A" }).click();
  await page.waitForURL(/\/orga\/campagnes\/\d+$/);
  await expect(current).toHaveText("Campagnes");
  // A full page load (no client navigation) says the same.
  await page.goto("/orga/equipe");
  await expect(current).toHaveText("Équipe");
});

test("the pupil app's navigation marks the current section", async ({ page }) => {
  await loginAsPupil(page);
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  const current = nav.locator('[aria-current="page"]');
  await expect(current).toHaveCount(0);
  await nav.getByRole("link", { name: "Compétences" }).click();
  await expect(page).toHaveURL("/competences");
  await expect(current).toHaveText("Compétences");
  await nav.getByRole("link", { name: "Mon compte" }).click();
  await expect(current).toHaveText("Mon compte");
  await nav.getByRole("link", { name: "J'ai un code" }).click();
  await expect(page).toHaveURL("/campagnes");
  await expect(current).toHaveText("J'ai un code");
});

test("a long table keeps its header row in view while it scrolls inside its box, and prints whole", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 360 });
  await loginToOrga(page, DEMO.admin);
  await page.goto("/orga/eleves");
  const box = page.locator(".table-scroll").filter({ has: page.locator("table") }).first();
  const header = box.locator("thead th").first();
  expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight), "le tableau des élèves doit dépasser son cadre").toBe(true);
  await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const [boxTop, headerTop] = await Promise.all([box.evaluate((el) => el.getBoundingClientRect().top), header.evaluate((el) => el.getBoundingClientRect().top)]);
  expect(Math.abs(headerTop - boxTop)).toBeLessThanOrEqual(1);
  await page.emulateMedia({ media: "print" });
  expect(await box.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
});
