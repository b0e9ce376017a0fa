/**
 * `npm run build && npm run aide:captures`: the screenshots of the help pages (/aide, /orga/aide), taken in Chromium
 * from the demo school (a fresh embedded database, the production build, as the e2e suite serves it) and written to
 * public/aide/. Not part of `npm test`: rerun it when a page shown in the help changes, and commit the images.
 * Sizes are fixed by the viewports below and declared in lib/site/aide-captures.ts.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { AIDE_CAPTURES, type AideCapture } from "../lib/site/aide-captures";

const PORT = Number(process.env.AIDE_PORT ?? 3410);
const BASE = `http://localhost:${PORT}`;
const PASSWORD = "Pix12345";
const OUT = path.join("public", "aide");

const server = spawn(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/e2e-server.ts"], {
  env: { ...process.env, E2E_PORT: String(PORT) },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const stopServer = () => {
  if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
};
process.on("exit", stopServer);

async function waitForServer() {
  for (let attempt = 0; attempt < 180; attempt++) {
    if (server.exitCode !== null) throw new Error("Le serveur de démonstration s'est arrêté (avez-vous lancé `npm run build` ?).");
    const ok = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("Le serveur de démonstration ne répond pas après 3 minutes.");
}

async function capture(page: Page, name: AideCapture) {
  const { width, height } = AIDE_CAPTURES[name];
  await page.waitForLoadState("load");
  await page.screenshot({ path: path.join(OUT, `${name}.png`), clip: { x: 0, y: 0, width, height } });
  console.log(`public/aide/${name}.png`);
}

async function signIn(page: Page, start: string, login: string) {
  await page.goto(`${BASE}${start}`);
  await page.getByLabel("Adresse e-mail ou identifiant").fill(login);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Je me connecte" }).click();
  await page.getByRole("banner").getByRole("button", { name: "Se déconnecter" }).waitFor();
}

try {
  if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("Aucune build : lancez `npm run build` d'abord.");
  mkdirSync(OUT, { recursive: true });
  await waitForServer();
  const browser = await chromium.launch({ executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined, args: ["--no-sandbox"] });
  const options = { locale: "fr-FR", timezoneId: "Europe/Paris" };

  // The teacher: the guide's steps on a desktop screen.
  const teacher = await browser.newPage({ ...options, viewport: { width: AIDE_CAPTURES["orga-campagnes"].width, height: 900 } });
  await signIn(teacher, "/orga", "correspondant@example.org");
  await capture(teacher, "orga-campagnes");
  await teacher.getByRole("link", { name: "Créer une campagne" }).first().click();
  await teacher.waitForURL(/\/orga\/campagnes\/nouvelle/);
  await capture(teacher, "orga-creer");
  await teacher.goto(`${BASE}/orga`);
  await teacher.getByRole("link", { name: "Démo – Rentrée 4e A" }).click();
  await teacher.waitForURL(/\/orga\/campagnes\/\d+$/);
  const campaignUrl = teacher.url();
  const code = (await teacher.getByTestId("campaign-code").textContent())!.trim();
  await capture(teacher, "orga-campagne");
  await teacher.goto(`${campaignUrl}/resultats`);
  await capture(teacher, "orga-resultats");
  await teacher.goto(`${campaignUrl}/analyse`);
  await capture(teacher, "orga-analyse");

  // The pupil, on a phone: the code page, then Louis Pouzin's finished assessment (not sent yet).
  const pupil = await browser.newPage({ ...options, viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 1 });
  await pupil.goto(`${BASE}/campagnes`);
  await capture(pupil, "eleve-code");
  await signIn(pupil, "/connexion", "louis.pouzin@example.org");
  await pupil.goto(`${BASE}/campagnes/${code}/resultats`);
  const share = pupil.getByRole("button", { name: "J'envoie mes résultats" });
  await share.waitFor();
  await share.evaluate((button) => window.scrollTo(0, Math.max(0, button.getBoundingClientRect().bottom + window.scrollY - 640)));
  await capture(pupil, "eleve-envoi");
  await browser.close();
} finally {
  stopServer();
}
