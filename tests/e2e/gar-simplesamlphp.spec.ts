import type { Browser, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { e2ePorts } from "../../scripts/setup/e2e-ports";
import { GAR_TEST_PUPILS, type GarTestPupil } from "./support/simplesamlphp/accounts";

// A real identity provider plays the GAR: SimpleSAMLphp (tests/e2e/support/simplesamlphp), with both apps of
// scripts/e2e-server.ts registered from their /api/saml/metadata. The app on E2E_PORT has no SAML key pair; the one
// on E2E_PORT + 1 has one (it decrypts assertions and signs its AuthnRequests).
const ports = e2ePorts();
const app = `http://localhost:${ports.app}`;
const appWithKey = `http://localhost:${ports.garWithKeyApp}`;
const idp = `http://127.0.0.1:${ports.idp}`;
const encryptingIdp = `http://127.0.0.1:${ports.encryptingIdp}`;

async function newPupilPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  return context.newPage();
}

/** The ENT's login form (SimpleSAMLphp's), then its auto-submitted POST to our ACS. */
async function logInAtTheGar(page: Page, pupil: GarTestPupil) {
  await page.locator("#username").fill(pupil.username);
  await page.locator("#password").fill(pupil.password);
  await page.locator("#submit_button").click();
}

/** What the médiacentre does when a pupil clicks Pix: an IdP-initiated sign-in, with the page to open as RelayState. */
function idpInitiated(idpUrl: string, spUrl: string, relayState?: string): string {
  const url = new URL(`${idpUrl}/saml2/idp/SSOService.php`);
  url.searchParams.set("spentityid", `${spUrl}/api/saml/metadata`);
  if (relayState !== undefined) url.searchParams.set("RelayState", relayState);
  return url.toString();
}

async function giveBirthdate(page: Page, pupil: GarTestPupil) {
  await expect(page.getByRole("heading", { name: "Première connexion" })).toBeVisible();
  await page.getByLabel("Jour").fill(pupil.birthdate.day);
  await page.getByLabel("Mois").fill(pupil.birthdate.month);
  await page.getByLabel("Année").fill(pupil.birthdate.year);
  await page.getByRole("button", { name: "Je me connecte" }).click();
}

test.describe.configure({ mode: "serial" });

test("SP-initiated: a pupil sent to the GAR from a page of ours comes back to that page, then the ENT signs her in directly", async ({ page, browser }) => {
  const margaux = GAR_TEST_PUPILS.margaux;
  await page.goto(`${app}/api/saml/login?retour=/mon-compte`);
  await page.waitForURL(`${idp}/**`);
  await logInAtTheGar(page, margaux);
  await page.waitForURL(`${app}/gar/premiere-connexion?**`);
  await expect(page.getByText("Margaux Beranger", { exact: false })).toBeVisible();
  await giveBirthdate(page, margaux);
  await page.waitForURL(`${app}/mon-compte`);
  await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();

  // The next day, from the médiacentre (IdP-initiated), the ENT opens another page of ours.
  const nextDay = await newPupilPage(browser);
  await nextDay.goto(idpInitiated(idp, app, `${app}/conditions-utilisation`));
  await logInAtTheGar(nextDay, margaux);
  await nextDay.waitForURL(`${app}/conditions-utilisation`);
  await expect(nextDay.getByRole("heading", { name: "Conditions d'utilisation" })).toBeVisible();
  await nextDay.context().close();
});

test("IdP-initiated with two UAIs: the registered school is found; a RelayState of another site is not followed", async ({ page }) => {
  const chloe = GAR_TEST_PUPILS.chloe;
  await page.goto(idpInitiated(idp, app, "/mon-compte"));
  await logInAtTheGar(page, chloe);
  await page.waitForURL(`${app}/gar/premiere-connexion?**`);
  await giveBirthdate(page, chloe);
  await page.waitForURL(`${app}/mon-compte`);
  await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();

  // Same ENT session, an open-redirect attempt as RelayState: signed in, kept on our site.
  await page.goto(idpInitiated(idp, app, "https://attacker.invalid/"));
  await page.waitForURL(`${app}/campagnes`);
  await expect(page.getByRole("heading", { name: "J'ai un code" })).toBeVisible();
  await expect(page.getByText(`Vous n'êtes pas ${chloe.rosterName} ?`)).toBeVisible();
});

test("encrypted assertion read with our key pair, after a signed AuthnRequest the GAR checked", async ({ page }) => {
  const raphael = GAR_TEST_PUPILS.raphael;
  // This app sends the pupil to the encrypting IdP, which requires signed requests (AuthnRequestsSigned in our metadata).
  await page.goto(`${appWithKey}/api/saml/login?retour=/mon-compte`);
  await page.waitForURL(`${encryptingIdp}/**`);
  await logInAtTheGar(page, raphael);
  await page.waitForURL(`${appWithKey}/gar/premiere-connexion?**`);
  await giveBirthdate(page, raphael);
  await page.waitForURL(`${appWithKey}/mon-compte`);
  await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
});

test("encrypted assertion without our key: a message that does not ask to retry", async ({ page }) => {
  await page.goto(idpInitiated(encryptingIdp, app, "/mon-compte"));
  await logInAtTheGar(page, GAR_TEST_PUPILS.noemie);
  await page.waitForURL(`${app}/gar/erreur?raison=chiffree`);
  await expect(page.getByRole("heading", { name: "Connexion impossible" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "que cette installation de Pix Libre ne sait pas encore lire : réessayer ne changera rien." })).toBeVisible();
});

test("an assertion signed with RSA-SHA1 is refused", async ({ page }) => {
  await page.goto(idpInitiated(idp, appWithKey));
  await logInAtTheGar(page, GAR_TEST_PUPILS.noemie);
  await page.waitForURL(`${appWithKey}/gar/erreur?raison=signature`);
  await expect(page.getByRole("alert").filter({ hasText: "n'est pas signée, ou sa signature n'est pas valide" })).toBeVisible();
});
