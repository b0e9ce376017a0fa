import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { testSamlResponse } from "../integration/gar/support/test-identity-provider";

// The server of the suite trusts this TEST certificate and the test GAR's entityID (scripts/e2e-server.ts): the test
// plays the GAR (testSamlResponse's default Issuer is that entityID); gar-simplesamlphp.spec.ts lets SimpleSAMLphp play it.
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/saml");
const idpKey = {
  privateKeyPem: readFileSync(path.join(FIXTURES, "idp-test-key.pem"), "utf8"),
  certificatePem: readFileSync(path.join(FIXTURES, "idp-test-cert.pem"), "utf8"),
};
// A pupil of the demo roster (6B) without an account, that no other journey uses; the ENT spells her without accent.
const HELENE = { IDO: `gar-e2e-helene-${Date.now()}`, PRE: "Helene", NOM: "Faure", UAI: "0759999Z" };

function signedResponse(baseURL: string): string {
  return testSamlResponse({ key: idpKey, attributes: HELENE, audience: `${baseURL}/api/saml/metadata`, acsUrl: `${baseURL}/api/saml/acs` });
}

/** What the ENT médiacentre does: an auto-submitting form posting the signed SAMLResponse to our ACS. */
async function arriveFromMediacentre(page: Page, baseURL: string, samlResponse: string) {
  await page.setContent(
    `<!doctype html><html lang="fr"><head><title>Médiacentre (test)</title></head><body>` +
      `<form method="post" action="${baseURL}/api/saml/acs"><input type="hidden" name="SAMLResponse" value="${samlResponse}"></form>` +
      `<script>document.forms[0].submit()</script></body></html>`,
    { waitUntil: "commit" },
  );
}

async function newPupilPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  return context.newPage();
}

test.describe.configure({ mode: "serial" });

test("a pupil arriving from the médiacentre gives her birthdate once, then lands signed in on « J'ai un code »", async ({ page, browser, baseURL }) => {
  const first = signedResponse(baseURL!);
  await arriveFromMediacentre(page, baseURL!, first);
  await page.waitForURL(/\/gar\/premiere-connexion\?token=/);
  await expect(page.getByRole("heading", { name: "Première connexion" })).toBeVisible();
  await expect(page.getByText("Helene Faure", { exact: false })).toBeVisible();

  await page.getByLabel("Jour").fill("19");
  await page.getByLabel("Mois").fill("09");
  await page.getByLabel("Année").fill("2016");
  await page.getByRole("button", { name: "Je me connecte" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nous ne trouvons pas Helene Faure, né(e) le 19/09/2016, dans la liste des élèves de votre établissement." })).toBeVisible();

  await page.getByLabel("Année").fill("2015");
  await page.getByRole("button", { name: "Je me connecte" }).click();
  await page.waitForURL(/\/campagnes$/);
  await expect(page.getByRole("heading", { name: "J'ai un code" })).toBeVisible();
  // Signed in with the roster's names.
  await expect(page.getByText("Vous n'êtes pas Hélène FAURE ?")).toBeVisible();

  // The same assertion posted again (back button, stolen form…) is refused with a French page.
  const replay = await newPupilPage(browser);
  await arriveFromMediacentre(replay, baseURL!, first);
  await replay.waitForURL(/\/gar\/erreur\?raison=rejouee/);
  await expect(replay.getByRole("alert").filter({ hasText: "Cette connexion a déjà été utilisée." })).toBeVisible();
  await replay.context().close();
});

test("the next day, the same pupil is signed in directly", async ({ browser, baseURL }) => {
  const pupil = await newPupilPage(browser);
  await arriveFromMediacentre(pupil, baseURL!, signedResponse(baseURL!));
  await pupil.waitForURL(/\/campagnes$/);
  await expect(pupil.getByRole("heading", { name: "J'ai un code" })).toBeVisible();
  await expect(pupil.getByText("Vous n'êtes pas Hélène FAURE ?")).toBeVisible();
  await pupil.context().close();
});

test("an assertion that is not signed by the GAR is refused with a French page", async ({ page, baseURL }) => {
  const forged = Buffer.from(Buffer.from(signedResponse(baseURL!), "base64").toString("utf8").replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "")).toString("base64");
  await arriveFromMediacentre(page, baseURL!, forged);
  await page.waitForURL(/\/gar\/erreur\?raison=signature/);
  await expect(page.getByRole("heading", { name: "Connexion impossible" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "n'est pas signée, ou sa signature n'est pas valide" })).toBeVisible();
});
