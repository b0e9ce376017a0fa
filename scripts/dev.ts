/**
 * `npm run dev`: starts the embedded PostgreSQL (unless DATABASE_URL is set), applies migrations, imports
 * the learning content, seeds the demo school, then runs `next dev` and stops the database on exit.
 * `npm run dev -- --prod` does the same with the production build (`npm run build` first; NEXTAUTH_SECRET and the other
 * production requirements are checked before anything starts). Both run behind scripts/server.ts (request gate).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type RunningDatabase } from "./db/embedded-postgres";
import { prepareDatabase } from "./setup/prepare-database";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/db/seed/demo-school";
import { forgetDevDatabaseUrl, recordDevDatabaseUrl } from "./setup/dev-database";
import { outboxLine, productionStartProblem } from "./setup/production-start";

const port = process.env.PORT ?? "3000";
const production = process.argv.includes("--prod");
if (production) {
  const problem = productionStartProblem(process.env, { hasBuild: existsSync(path.join(".next", "BUILD_ID")) });
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
let database: RunningDatabase | null = null;
let url = process.env.DATABASE_URL;
if (!url) {
  database = await startEmbeddedPostgres({ name: "dev", database: "pix", quiet: true });
  url = database.url;
  recordDevDatabaseUrl(url);
  console.log(`PostgreSQL embarqué démarré (port ${database.port}, données dans .data/).`);
}

try {
  await prepareDatabase(url, { demo: true, log: (m) => console.log(m) });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await database?.stop();
  process.exit(1);
}

const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
console.log(`
Pix Libre est prêt sur ${appUrl}
  Espace élève      ${appUrl}/
  Pix Orga          ${appUrl}/orga
Comptes de démonstration (mot de passe : ${DEMO_PASSWORD})
  Correspondant (ADMIN)   ${DEMO_ACCOUNTS.admin.email}
  Enseignant (MEMBER)     ${DEMO_ACCOUNTS.member.email}
  Élève                   ${DEMO_ACCOUNTS.pupils[0].email}
  ${outboxLine(process.env, appUrl, production)}
`);

const child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/server.ts", ...(production ? [] : ["--dev"])], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    ...(production ? { NODE_ENV: "production" } : {}),
    DATABASE_URL: url,
    APP_URL: appUrl,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  if (database) forgetDevDatabaseUrl();
  await database?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 0));
