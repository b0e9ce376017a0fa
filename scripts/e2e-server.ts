/**
 * Server for the end-to-end suite: a fresh embedded PostgreSQL with migrations, content and the demo
 * school, then the production build behind our server (scripts/server.ts; run `next build` first; npm test does).
 * One trusted proxy hop: tests that exercise per-address limits play the proxy and say which address they come from
 * (X-Forwarded-For), so that they never spend the budget of the other tests; without the header, the socket counts.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./db/embedded-postgres";
import { localProductionEnv } from "./setup/local-production-env";
import { prepareDatabase } from "./setup/prepare-database";

const port = process.env.E2E_PORT ?? "3100";
if (!existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("Aucune build trouvée : lancez `npm run build` avant les tests de bout en bout.");
  process.exit(1);
}
const database = await startEmbeddedPostgres({ name: "e2e", database: "pix_e2e", fresh: true, quiet: true });
await prepareDatabase(database.url, { demo: true });
const appUrl = `http://localhost:${port}`;
const child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/server.ts"], {
  stdio: "inherit",
  env: {
    ...localProductionEnv({ appUrl, databaseUrl: database.url, secret: "e2e-secret-e2e-secret-e2e-secret-e2e-secret" }),
    PORT: port,
    TRUSTED_PROXY_HOPS: "1",
    // GAR: tests/e2e/gar.spec.ts plays the identity provider with the TEST key pair of tests/fixtures/saml.
    SAML_IDP_ENTRY_POINT: "https://idp-de-test.gar.invalid/sso",
    SAML_IDP_CERT: (await import("node:fs")).readFileSync(path.join("tests", "fixtures", "saml", "idp-test-cert.pem"), "utf8"),
  },
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
child.on("exit", () => void shutdown());
