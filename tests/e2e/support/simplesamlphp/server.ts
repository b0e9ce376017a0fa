/**
 * TEST MATERIAL — starts two SimpleSAMLphp identity providers (Debian package `simplesamlphp`, PHP's built-in
 * server on loopback) that play the GAR for the end-to-end suite, beside the in-process test IdP of gar.spec.ts.
 * Both sign with the TEST key pair of tests/fixtures/saml and carry the test GAR's entityID, so the two apps of
 * scripts/e2e-server.ts trust them:
 *   - "idp" sends plain assertions; the app registered from its metadata, the app with our key pair with RSA-SHA1
 *     signatures (to see them refused);
 *   - "encryptingIdp" encrypts every assertion: for the app with our key pair with the certificate of its metadata;
 *     for the app without a key with a certificate it does not hold (a deployment that lost its key setting).
 * Run by Playwright (webServer); it waits for the apps' /api/saml/metadata, writes each configuration into a
 * folder of the system's temporary directory (SIMPLESAMLPHP_CONFIG_DIR), and removes it on exit. Logs: .data/test-reports/simplesamlphp-<port>.log
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { e2ePorts, TEST_GAR_ENTITY_ID } from "../../../../scripts/setup/e2e-ports";
import { authsourcesPhp, configPhp, idpHostedPhp, spRemotePhp, type IdentityProviderFiles } from "./config-files";

const SIMPLESAMLPHP_WWW = "/usr/share/simplesamlphp/www";
const FIXTURES = path.resolve(import.meta.dirname, "../../../fixtures/saml");
const LOGS = path.resolve(".data", "test-reports");

function requireInstalled() {
  const php = spawnSync("php", ["-r", "echo extension_loaded('dom') && extension_loaded('mbstring') ? 'ok' : 'extensions';"], { encoding: "utf8" });
  if (php.error || php.stdout !== "ok" || !existsSync(SIMPLESAMLPHP_WWW)) {
    console.error(
      "SimpleSAMLphp (le GAR des tests de bout en bout) est introuvable : installez les paquets Debian " +
        "php-cli php-xml php-mbstring simplesamlphp (apt-get install -y …), ou lancez .ci/run qui le fait.",
    );
    process.exit(1);
  }
}

async function metadataOf(appUrl: string): Promise<string> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      const answer = await fetch(`${appUrl}/api/saml/metadata`);
      if (answer.ok) return await answer.text();
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`Métadonnées SAML de ${appUrl} introuvables après 3 minutes.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

type Instance = { port: number; serviceProviders: { metadata: string; extra: Record<string, unknown> }[] };

function startInstance(instance: Instance, folders: string[]): ChildProcess {
  // One folder per port, emptied first: a run killed without cleaning up leaves nothing that accumulates.
  const folder = path.join(tmpdir(), `pix-e2e-simplesamlphp-${instance.port}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder);
  folders.push(folder);
  for (const name of ["config", "metadata", "cert", "log", "data", "tmp", "sessions"]) mkdirSync(path.join(folder, name));
  copyFileSync(path.join(FIXTURES, "idp-test-key.pem"), path.join(folder, "cert", "idp.key"));
  copyFileSync(path.join(FIXTURES, "idp-test-cert.pem"), path.join(folder, "cert", "idp.crt"));
  const files: IdentityProviderFiles = {
    port: instance.port,
    folder,
    entityId: TEST_GAR_ENTITY_ID,
    secret: randomBytes(24).toString("hex"),
    serviceProviders: instance.serviceProviders.map((sp, index) => ({ metadataFile: `sp-${index}.xml`, extra: sp.extra })),
  };
  instance.serviceProviders.forEach((sp, index) => writeFileSync(path.join(folder, "metadata", `sp-${index}.xml`), sp.metadata));
  writeFileSync(path.join(folder, "config", "config.php"), configPhp(files));
  writeFileSync(path.join(folder, "config", "authsources.php"), authsourcesPhp());
  writeFileSync(path.join(folder, "metadata", "saml20-idp-hosted.php"), idpHostedPhp(files));
  writeFileSync(path.join(folder, "metadata", "saml20-sp-remote.php"), spRemotePhp(files));

  mkdirSync(LOGS, { recursive: true });
  const log = createWriteStream(path.join(LOGS, `simplesamlphp-${instance.port}.log`));
  const child = spawn("php", ["-S", `127.0.0.1:${instance.port}`, "-t", SIMPLESAMLPHP_WWW], {
    // One process (no PHP_CLI_SERVER_WORKERS): forked workers would outlive a SIGTERM to their parent.
    env: { ...process.env, SIMPLESAMLPHP_CONFIG_DIR: path.join(folder, "config") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

requireInstalled();
const ports = e2ePorts();
const [appMetadata, withKeyMetadata] = await Promise.all([metadataOf(`http://localhost:${ports.app}`), metadataOf(`http://localhost:${ports.garWithKeyApp}`)]);
const spCertificateBody = readFileSync(path.join(FIXTURES, "sp-test-cert.pem"), "utf8").replace(/-----[A-Z ]+-----|\s+/g, "");

const folders: string[] = [];
const children = [
  startInstance(
    {
      port: ports.idp,
      serviceProviders: [
        { metadata: appMetadata, extra: {} },
        { metadata: withKeyMetadata, extra: { "signature.algorithm": "http://www.w3.org/2000/09/xmldsig#rsa-sha1" } },
      ],
    },
    folders,
  ),
  startInstance(
    {
      port: ports.encryptingIdp,
      serviceProviders: [
        { metadata: appMetadata, extra: { "assertion.encryption": true, certData: spCertificateBody } },
        { metadata: withKeyMetadata, extra: { "assertion.encryption": true } },
      ],
    },
    folders,
  ),
];

let stopping = false;
/** Stops both servers, waits until they are gone (they write sessions and logs), then removes their folders. */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve)));
  for (const child of children) child.kill("SIGTERM");
  await Promise.race([Promise.all(children.map(exited)), new Promise((resolve) => setTimeout(resolve, 3_000))]);
  for (const folder of folders) {
    try {
      rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
      console.warn(`Dossier de SimpleSAMLphp non supprimé (${folder}) : ${error instanceof Error ? error.message : error}`);
    }
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
for (const child of children) child.on("exit", (code) => void shutdown(code ?? 1));
console.log(`SimpleSAMLphp (GAR de test) : http://127.0.0.1:${ports.idp}/ et http://127.0.0.1:${ports.encryptingIdp}/ (journaux dans ${LOGS})`);
