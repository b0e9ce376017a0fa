/**
 * The bench's children as process groups: each one is spawned detached (its own group), so that stopping it reaches
 * every process it started (a wrapper's server child, nginx's workers), and a stop waits until none is left — a
 * process that outlived a run would keep its port and take the next run's traffic.
 */
import net from "node:net";

/** Whether any process of the group `pgid` is still there (EPERM: there, owned by another user, e.g. PgBouncer's). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

async function waitGone(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupAlive(pgid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

/** SIGTERM to the whole group, SIGKILL to what is left after `graceMs`, and back once no process of it remains. */
export async function stopGroup(pgid: number, graceMs: number): Promise<void> {
  signalGroup(pgid, "SIGTERM");
  if (await waitGone(pgid, graceMs)) return;
  signalGroup(pgid, "SIGKILL");
  if (!(await waitGone(pgid, 5_000))) throw new Error(`le groupe de processus ${pgid} est toujours là après SIGKILL`);
}

/** SIGKILL to the group at once (a crashed wrapper's children must not keep its port). */
export function killGroup(pgid: number): void {
  signalGroup(pgid, "SIGKILL");
}

function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(true));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

/**
 * Refuses to start when a port the run needs is already taken (often: the processes of an earlier run that was not
 * stopped cleanly), instead of starting apps that crash on EADDRINUSE while the old ones answer.
 */
export async function assertPortsFree(ports: { port: number; what: string }[]): Promise<void> {
  const taken: string[] = [];
  for (const { port, what } of ports) if (await portTaken(port)) taken.push(`${port} (${what})`);
  if (taken.length === 0) return;
  throw new Error(
    `Port${taken.length > 1 ? "s" : ""} déjà pris : ${taken.join(", ")}. Un bench précédent tourne peut-être encore : ` +
      `arrêtez ses processus (ss -ltnp | grep -E '${ports.map((p) => p.port).join("|")}' pour les trouver), puis relancez.`,
  );
}
