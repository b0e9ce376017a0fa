/**
 * Ctrl-C, a SIGINT or SIGTERM sent to the runner alone (a bench started in the background), or a failed start stops
 * what a bench started (app processes, nginx, PgBouncer, PostgreSQL, Chromium) before exiting, latest first: the app
 * processes run in their own process groups and would otherwise outlive the bench and keep their ports. A second
 * signal during the stop does not cut it short.
 */
const cleanups: (() => Promise<unknown>)[] = [];
let installed = false;
let stopping: Promise<never> | null = null;

/** Runs every cleanup (latest registered first), then exits with `code`. Called twice: the first stop goes on. */
export function stopEverything(code: number, why?: string): Promise<never> {
  if (!stopping) {
    stopping = (async () => {
      if (why) console.error(why);
      for (const c of [...cleanups].reverse()) await c().catch((error) => console.error(`arrêt : ${(error as Error).message}`));
      process.exit(code);
    })();
  } else if (why) console.error(`${why} (arrêt déjà en cours, patientez)`);
  return stopping;
}

export function onShutdown(cleanup: () => Promise<unknown>): () => void {
  cleanups.push(cleanup);
  if (!installed) {
    installed = true;
    // process.on, not once: a second Ctrl-C must not fall back to Node's default (exit at once, children left).
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.on(signal, () => void stopEverything(130, `\n${signal} : arrêt des processus du bench…`));
    }
  }
  return () => {
    const at = cleanups.indexOf(cleanup);
    if (at >= 0) cleanups.splice(at, 1);
  };
}
