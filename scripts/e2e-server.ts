/**
 * Server for the end-to-end suite: a fresh embedded PostgreSQL with migrations, content and the demo
 * school, then the production build behind our server (scripts/server.ts; run `next build` first; npm test does), twice on the same
 * database: on E2E_PORT for every journey, and on E2E_PORT + 1 with our SAML key pair (encrypted GAR assertions).
 * Both trust the TEST GAR of tests/fixtures/saml, played by SimpleSAMLphp (tests/e2e/support/simplesamlphp) or by
 * the tests themselves.
 *
 * One trusted proxy hop: tests that exercise per-address limits play the proxy and say which address they come from
 * (X-Forwarded-For), so that they never spend the budget of the other tests; without the header, the socket counts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./db/embedded-postgres";
import { E2E_DATABASE_URL_FILE, E2E_SECRET, e2ePorts, TEST_GAR_ENTITY_ID } from "./setup/e2e-ports";
import { localProductionEnv } from "./setup/local-production-env";
import { prepareDatabase } from "./setup/prepare-database";

const ports = e2ePorts();
if (!existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("Aucune build trouvée : lancez `npm run build` avant les tests de bout en bout.");
  process.exit(1);
}
const database = await startEmbeddedPostgres({ name: "e2e", database: "pix_e2e", fresh: true, quiet: true });
await prepareDatabase(database.url, { demo: true });
mkdirSync(path.dirname(E2E_DATABASE_URL_FILE), { recursive: true });
writeFileSync(E2E_DATABASE_URL_FILE, database.url);

const fixture = (name: string) => readFileSync(path.join("tests", "fixtures", "saml", name), "utf8");
const testGar = { SAML_IDP_CERT: fixture("idp-test-cert.pem"), SAML_IDP_ENTITY_ID: TEST_GAR_ENTITY_ID };

function startApp(port: number, garSettings: Record<string, string>): ChildProcess {
  const appUrl = `http://localhost:${port}`;
  return spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/server.ts"], {
    stdio: "inherit",
    env: {
      ...localProductionEnv({ appUrl, databaseUrl: database.url, secret: E2E_SECRET }),
      ...testGar,
      ...garSettings,
      PORT: String(port),
      TRUSTED_PROXY_HOPS: "1",
    },
  });
}

const children = [
  startApp(ports.app, { SAML_IDP_ENTRY_POINT: `http://127.0.0.1:${ports.idp}/saml2/idp/SSOService.php` }),
  startApp(ports.garWithKeyApp, {
    SAML_IDP_ENTRY_POINT: `http://127.0.0.1:${ports.encryptingIdp}/saml2/idp/SSOService.php`,
    SAML_SP_PRIVATE_KEY: fixture("sp-test-key.pem"),
    SAML_SP_CERT: fixture("sp-test-cert.pem"),
  }),
];

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  await database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
for (const child of children) child.on("exit", () => void shutdown());
