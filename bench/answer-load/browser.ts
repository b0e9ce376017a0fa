/**
 * Chromium for the bench (Debian's, as the e2e suite uses it): the recorder drives the real pages with it, and
 * the bench's sessions come from the real login form, filled and sent by it.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** Signs in through the login page as a pupil does (whatever the form does underneath: next-auth, a server action…). */
export async function logInThroughPage(page: Page, baseUrl: string, login: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel(/identifiant/i).fill(login);
  await page.getByLabel(/mot de passe/i).fill(password);
  await page.getByRole("button", { name: /je me connecte/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"), { timeout: 60_000 });
}
