import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { e2ePorts } from "../../scripts/setup/e2e-ports";

type Violation = { url: string; id: string; impact: string; help: string; targets: string[] };

/** Our two app servers: pages of other sites a journey crosses (SimpleSAMLphp playing the GAR) are not ours to fix. */
const ourOrigins = new Set([e2ePorts().app, e2ePorts().garWithKeyApp].map((port) => `http://localhost:${port}`));

/** axe refuses a second run on a page while one is going: every scan of a page waits for the one before. */
const scansInProgress = new WeakMap<Page, Promise<unknown>>();
function scanInTurn(page: Page): Promise<Violation[]> {
  const previous = scansInProgress.get(page) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => scan(page));
  scansInProgress.set(page, next.catch(() => undefined));
  return next;
}

async function scan(page: Page): Promise<Violation[]> {
  let results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  // A scan that met the page in the middle of a React re-render (a server action's answer replacing the tree) may find
  // no <title> for that instant: scanned again, a page that really has none fails all the same.
  if (results.violations.some((v) => v.id === "document-title") && (await page.title().catch(() => "")) !== "") {
    results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  }
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ url: page.url(), id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/**
 * Every page a test visits is scanned with axe: at each main-frame navigation and at the end of the test.
 * Serious or critical violations fail the test. Every Content-Security-Policy violation on those pages (a script,
 * a style or an image the policy blocked) fails it too: the CSP must never break a page.
 */
export const test = base.extend<{ accessibilityScan: void; contentSecurityPolicyWatch: void }>({
  contentSecurityPolicyWatch: [
    async ({ page }, use) => {
      const violations: string[] = [];
      // Init scripts are injected by the browser tooling, outside the page's CSP.
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} (${location.pathname}, ${event.sourceFile}:${event.lineNumber})`);
        });
      });
      page.on("console", (message) => {
        if (/CSP violation|Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use();
      expect(violations, `Violations de la CSP :\n${violations.join("\n")}`).toEqual([]);
    },
    { auto: true },
  ],
  accessibilityScan: [
    async ({ page, javaScriptEnabled }, use) => {
      // axe runs inside the page: a test that turns JavaScript off checks forms, not accessibility.
      if (!javaScriptEnabled) return use();
      const violations: Violation[] = [];
      const scanned = new Set<string>();
      const pending: Promise<void>[] = [];
      const scanCurrent = async () => {
        const url = page.url();
        if (scanned.has(url) || url === "about:blank" || !ourOrigins.has(new URL(url).origin) || new URL(url).pathname.startsWith("/api/")) return;
        try {
          await page.waitForLoadState("load");
          const found = await scanInTurn(page);
          // A page that replaced itself during the scan (a sign-in page moving on to the next one) was caught
          // half torn down: its successor is scanned in turn, and this page again at the end if it comes back.
          if (page.url() !== url) return;
          scanned.add(url);
          violations.push(...found);
        } catch {
          // The page moved on while being scanned: its successor is scanned in turn.
        }
      };
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame()) pending.push(scanCurrent());
      });
      await use();
      await Promise.all(pending);
      if (!page.isClosed()) await scanCurrent();
      expect(violations, `Violations d'accessibilité :\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * An explicit axe scan of the page as it is now, for a test that moves on quickly (the automatic scan of each
 * navigation is abandoned when the next one starts before it ends): serious or critical violations fail the test.
 */
export async function expectAccessible(page: Page, label = page.url()) {
  await page.waitForLoadState("load");
  const violations = await scanInTurn(page);
  expect(violations, `Violations d'accessibilité (${label}) :\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

export { expect };

export const DEMO = {
  password: "Pix12345",
  admin: "correspondant@example.org",
  member: "enseignant@example.org",
  pupil: "charles.babbage@example.org",
};

/** Pix Orga's campaign list filtered on a name: the demo's campaigns stay found however many campaigns the specs create (20 a page). */
export const orgaCampaignSearch = (name: string) => `/orga?recherche=${encodeURIComponent(name)}`;

export async function loginToOrga(page: Page, email: string, password = DEMO.password) {
  await page.goto("/orga");
  await page.getByLabel("Adresse e-mail ou identifiant").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Je me connecte" }).click();
  await expect(page.getByRole("banner").getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}
