/**
 * One production server for the whole matrix project: a fresh embedded PostgreSQL (migrations, content, the
 * matrix world), `next start` on the build in .next, and a real session for each actor obtained through the
 * real login. The test files get the address, the database URL, the world and the cookies.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type RunningDatabase } from "../../../scripts/db/embedded-postgres";
import { e2ePorts, TEST_GAR_ENTITY_ID } from "../../../scripts/setup/e2e-ports";
import { localProductionEnv } from "../../../scripts/setup/local-production-env";
import { prepareDatabase } from "../../../scripts/setup/prepare-database";
import { readBuildEntryPoints } from "./entry-points";
import { logIn } from "./http";
import type { ActorName, HelperName, World } from "./world";

export const SERVER_LOG = path.join(".data", "test-reports", "matrix-server.log");
let database: RunningDatabase | undefined;
let server: ChildProcess | undefined;
/** The server's NEXTAUTH_SECRET (answer-fast-path.test.ts starts two more servers on the same database). */
export const MATRIX_SECRET = "matrix-secret-matrix-secret-matrix-secret-0";

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`next start s'est arrêté (code ${child.exitCode}).`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("next start n'a pas répondu en 60 s.");
}

export async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    throw new Error("Aucune build trouvée : la matrice d'autorisation attaque la build de production, lancez `npm run build` d'abord.");
  }
  database = await startEmbeddedPostgres({ name: "matrix", database: "pix_matrix", fresh: true, quiet: true });
  await prepareDatabase(database.url, { demo: false });
  // Its own port in the range of the end-to-end suite (E2E_PORT + 2), unless MATRIX_PORT says otherwise.
  const port = process.env.MATRIX_PORT ?? String(e2ePorts().matrix);
  const baseUrl = `http://localhost:${port}`;
  process.env.DATABASE_URL = database.url;
  const { seedWorld } = await import("./world");
  const world: World = await seedWorld(baseUrl);
  const { db, pgPool } = await import("@/lib/db/client");
  await db.$disconnect();
  await pgPool().end();

  // The server as `npm start` runs it in production (whatever the project puts behind that command).
  server = spawn("npm", ["start", "--silent"], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...localProductionEnv({ appUrl: baseUrl, databaseUrl: database.url, secret: MATRIX_SECRET }),
      PORT: port,
      // Production behaviour: mails stay in dev_mails (part of the fingerprint) and /dev/mails answers 404.
      MAIL_OUTBOX_PAGE: "0",
      // GAR on, with the public TEST certificate, so that /api/saml/* are real entry points.
      SAML_IDP_ENTRY_POINT: "https://idp-de-test.gar.invalid/sso",
      SAML_IDP_CERT: readFileSync(path.join("tests", "fixtures", "saml", "idp-test-cert.pem"), "utf8"),
      SAML_IDP_ENTITY_ID: TEST_GAR_ENTITY_ID,
    },
  });
  // What the server writes on stderr (stack traces of a 5xx…) is kept for whoever reads a failing row.
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = createWriteStream(SERVER_LOG);
  server.stderr?.pipe(log);
  await waitForHealth(baseUrl, server);

  const { PASSWORD } = await import("./world");
  const cookies: Partial<Record<Exclude<ActorName, "anonymous"> | HelperName, string>> = {};
  const build = readBuildEntryPoints();
  for (const [name, account] of Object.entries(world.logins)) {
    cookies[name as keyof typeof cookies] = await logIn(baseUrl, account.login, PASSWORD, build);
  }
  provide("matrixBaseUrl", baseUrl);
  provide("matrixDatabaseUrl", database.url);
  provide("matrixWorld", world);
  provide("matrixCookies", cookies);
}

/** npm and the server it started form one process group: stopped together. */
export async function teardown() {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    process.kill(-server.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
  }
  await database?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    matrixBaseUrl: string;
    matrixDatabaseUrl: string;
    matrixWorld: World;
    matrixCookies: Partial<Record<Exclude<ActorName, "anonymous"> | HelperName, string>>;
  }
}
