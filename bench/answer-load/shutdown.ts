/**
 * Ctrl-C or a SIGTERM stops what a bench started (app processes, nginx, PgBouncer, PostgreSQL, Chromium) before
 * exiting: the app processes run in their own process groups and would otherwise outlive the bench.
 */
const cleanups: (() => Promise<unknown>)[] = [];
let installed = false;

export function onShutdown(cleanup: () => Promise<unknown>): () => void {
  cleanups.push(cleanup);
  if (!installed) {
    installed = true;
    const stop = async (signal: string) => {
      console.error(`\n${signal} : arrêt des processus du bench…`);
      for (const c of [...cleanups].reverse()) await c().catch(() => undefined);
      process.exit(130);
    };
    process.once("SIGINT", () => void stop("SIGINT"));
    process.once("SIGTERM", () => void stop("SIGTERM"));
  }
  return () => {
    const at = cleanups.indexOf(cleanup);
    if (at >= 0) cleanups.splice(at, 1);
  };
}
