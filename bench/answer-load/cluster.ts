/**
 * Runs the app as deployed, on this machine, until Ctrl-C: N supervised app processes (the `npm start` command)
 * behind nginx, PgBouncer in transaction mode in front of the bench's PostgreSQL (a fresh copy of the bench data).
 *   npm run build && npm run bench:cluster -- [--processes 2] [--no-balancer] [--no-pgbouncer] [--env NAME=value …]
 * The load bench uses the same runner with --processes N.
 */
import { startCluster } from "./app-cluster";
import { onShutdown, stopEverything } from "./shutdown";
import { ensureTemplate, extraEnv, flag, numberArgument, openRunDatabase } from "./run-setup";
import { PUPIL_PASSWORD, pupilEmail } from "./settings";

const processes = numberArgument("processes", 2);
ensureTemplate({ pupils: numberArgument("pupils", 1200), regenerate: flag("regenerate") });
const { postgres, url } = await openRunDatabase();
// Registered first, so stopped last: the apps and PgBouncer go before the database they use.
onShutdown(() => postgres.stop());
try {
  const cluster = await startCluster({
    processes,
    databaseUrl: url,
    balancer: !flag("no-balancer") && (processes > 1 || flag("balancer")),
    pgbouncer: !flag("no-pgbouncer") && (processes > 1 || flag("pgbouncer")),
    env: { DATABASE_DIRECT_URL: url, ...extraEnv() }, // the LISTEN goes straight to PostgreSQL (docs/deploy.md)
  });
  console.log(`${cluster.describe}\nOuvert sur ${cluster.url} — élève ${pupilEmail(0)} / ${PUPIL_PASSWORD}. Ctrl-C pour arrêter.`);
} catch (error) {
  // A failed start (a port already taken, an app that never answers) stops what did start.
  await stopEverything(1, (error as Error).message);
}
