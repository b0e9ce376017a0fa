import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { e2ePorts } from "./scripts/setup/e2e-ports";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const ports = e2ePorts(PORT);
// Playwright cannot download its own browser here: use Debian's Chromium when it is there.
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // The app on E2E_PORT, and on E2E_PORT + 1 the same app with our SAML key pair (see the script).
      command: `npx tsx --conditions=react-server scripts/e2e-server.ts`,
      url: `${baseURL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: { E2E_PORT: String(PORT) },
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      // SimpleSAMLphp playing the GAR on E2E_PORT + 5 and + 6 (registers both apps from their metadata).
      command: `npx tsx tests/e2e/support/simplesamlphp/server.ts`,
      url: `http://127.0.0.1:${ports.encryptingIdp}/saml2/idp/metadata.php`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: { E2E_PORT: String(PORT) },
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],
});
