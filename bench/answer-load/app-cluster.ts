/**
 * The app as deployed, on this machine: N processes started the way `npm start` starts the app (its script is
 * read from package.json, so the bench follows main when the start command changes), each supervised
 * (restarted when it dies, as systemd would), and for N ≥ 2 (or when asked) nginx in front of them and PgBouncer
 * in transaction mode in front of PostgreSQL. Configurations are generated under .data/bench-answers/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { localProductionEnv } from "../../scripts/setup/local-production-env";
import { BALANCES, startNginx, startPgBouncer, type Balance, type Service } from "./proxies";
import { MEMORY_DIR } from "./memory";
import { listeningProcess } from "./proc-stats";
import { argument } from "./run-setup";
import { onShutdown } from "./shutdown";
import { assertPortsFree, killGroup, stopGroup } from "./process-group";
import { BENCH_SECRET, PORTS, STATE_DIR } from "./settings";

export type ClusterOptions = {
  processes: number;
  /** Connection string of the database (direct); PgBouncer is put in front when `pgbouncer` is true. */
  databaseUrl: string;
  balancer: boolean;
  pgbouncer: boolean;
  /** Extra environment for the app processes (e.g. a pool size under test). */
  env?: Record<string, string>;
  /** nginx names the process that served each response (X-Pix-Upstream): the fault bench aims its salvo with it. */
  exposeUpstream?: boolean;
  log?: (line: string) => void;
};

export type Cluster = {
  /** Where clients connect: the balancer, or the single process. */
  url: string;
  /** The supervised processes' root pids (sh -c of the start script), current ones. */
  appRoots: () => number[];
  /** nginx and PgBouncer processes (empty without them). */
  proxyRoots: () => number[];
  /** kill -9 of the process that serves app i, the one listening on its port (the supervisor restarts it); its pid. */
  killApp: (index: number) => number;
  /** The port app i listens on (nginx's upstream 127.0.0.1:<port>). */
  appPort: (index: number) => number;
  restarts: () => number;
  /** Lines mentioning an error written by the app processes so far, and where. */
  errorLines: () => { count: number; files: string[] };
  waitHealthy: () => Promise<void>;
  describe: string;
  stop: () => Promise<void>;
};

/** The `start` script of package.json, run as npm would (node_modules/.bin on the PATH), without npm itself. */
export function startCommand(): string {
  const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
  if (!scripts.start) throw new Error("package.json n'a pas de script start");
  return scripts.start;
}

async function waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} n'a pas répondu en ${timeoutMs / 1000} s`);
}

class SupervisedApp {
  child: ChildProcess | null = null;
  restarts = 0;
  private stopping = false;
  private restart: NodeJS.Timeout | undefined;
  constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: (line: string) => void,
  ) {}

  errorLines = 0;

  /** The process's output goes to .data/bench-answers/logs/app-<port>.log (the bench's own output stays readable). */
  get logFile(): string {
    return path.join(STATE_DIR, "logs", `app-${this.port}.log`);
  }

  start(): void {
    // A restart that was due when the stop began must not bring a process back.
    if (this.stopping) return;
    mkdirSync(path.dirname(this.logFile), { recursive: true });
    if (this.restarts === 0) writeFileSync(this.logFile, "");
    const child = spawn("sh", ["-c", startCommand()], { env: { ...this.env, PORT: String(this.port) }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const write = (chunk: Buffer) => appendFileSync(this.logFile, chunk);
    child.stdout?.on("data", write);
    child.stderr?.on("data", (chunk: Buffer) => {
      write(chunk);
      this.errorLines += chunk.toString().split("\n").filter((line) => /error/i.test(line)).length;
    });
    child.on("exit", (code, signal) => {
      // The rest of the group (a wrapper's server child) must not keep the port.
      killGroup(child.pid!);
      if (this.stopping) return;
      this.restarts++;
      this.log(`[supervision] processus ${this.port} arrêté (${signal ?? code}) : redémarrage`);
      this.restart = setTimeout(() => this.start(), 200);
    });
    this.child = child;
  }

  /** Stops the process and everything of its group, and waits until none is left (then its port is free). */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    const child = this.child;
    if (!child?.pid) return;
    await stopGroup(child.pid, 10_000);
  }
}

/**
 * `--balance least_conn|cookie|cookie-consistent`: how nginx picks a process (proxies.ts), with several processes.
 * Default `cookie` (07/12 (13)): a pupil's answers reach the process that remembers the test, as docs/deploy.md
 * recommends; the two-process goal was met only with it (bench/RESULTS.md). `least_conn` stays selectable.
 */
export const DEFAULT_BALANCE: Balance = "cookie";
export function balanceArgument(): Balance {
  const value = argument("balance") ?? DEFAULT_BALANCE;
  if (!(BALANCES as readonly string[]).includes(value)) throw new Error(`--balance : ${BALANCES.join(" ou ")}, pas « ${value} »`);
  return value as Balance;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("Aucune build : lancez d'abord npm run build");
  if (options.processes < 1 || options.processes > PORTS.maxProcesses) throw new Error(`--processes entre 1 et ${PORTS.maxProcesses}`);
  const log = options.log ?? ((line: string) => console.error(line));
  await assertPortsFree([
    ...Array.from({ length: options.processes }, (_, i) => ({ port: PORTS.firstApp + i, what: `application ${i + 1}` })),
    ...(options.balancer ? [{ port: PORTS.balancer, what: "nginx" }] : []),
    ...(options.pgbouncer ? [{ port: PORTS.pgbouncer, what: "PgBouncer" }] : []),
  ]);
  const balance = balanceArgument();
  const services: Service[] = [];
  let databaseUrl = options.databaseUrl;
  // --pgbouncer-mode session: each app connection keeps its server connection (and its prepared statements); every
  // pool of every process (Next's, the fast path's, the limits', at most 10 + 8 + 3) may hold one, hence the pool size.
  const sessionMode = argument("pgbouncer-mode") === "session";
  if (options.pgbouncer) {
    const bouncer = await startPgBouncer({ serverUrl: options.databaseUrl, port: PORTS.pgbouncer, log, ...(sessionMode ? { mode: "session" as const, poolSize: 25 * options.processes } : {}) });
    services.push(bouncer);
    databaseUrl = bouncer.url;
  }
  const publicUrl = options.balancer ? `http://localhost:${PORTS.balancer}` : `http://localhost:${PORTS.firstApp}`;
  const env: NodeJS.ProcessEnv = {
    ...localProductionEnv({ appUrl: publicUrl, databaseUrl, secret: BENCH_SECRET }),
    PATH: `${path.resolve("node_modules", ".bin")}:${process.env.PATH}`,
    // Behind nginx, as deployed (docs/deploy.md): scripts/server.ts takes the client address from the one hop nginx
    // appends to X-Forwarded-For. Without nginx the socket's address counts and X-Forwarded-For is ignored.
    ...(options.balancer ? { TRUSTED_PROXY_HOPS: "1" } : {}),
    // PgBouncer 1.18 in transaction mode loses prepared statements: off behind it, as docs/deploy.md says.
    ...(options.pgbouncer && !sessionMode ? { DATABASE_PREPARED_STATEMENTS: "0" } : {}),
    ...options.env,
    // The bench's memory probe (memory-probe.mjs: process.memoryUsage() on SIGUSR2), before any NODE_OPTIONS under test.
    NODE_OPTIONS: `--import=${pathToFileURL(path.resolve("bench/answer-load/memory-probe.mjs")).href} ${options.env?.NODE_OPTIONS ?? ""}`.trim(),
    BENCH_MEMORY_DIR: MEMORY_DIR,
  };
  const apps = Array.from({ length: options.processes }, (_, i) => new SupervisedApp(PORTS.firstApp + i, env, log));
  for (const app of apps) app.start();
  const stopAll = async () => {
    for (const service of [...services].reverse()) if (service.name === "nginx") await service.stop();
    await Promise.all(apps.map((a) => a.stop()));
    for (const service of [...services].reverse()) if (service.name !== "nginx") await service.stop();
  };
  const forget = onShutdown(stopAll);
  await Promise.all(apps.map((app) => waitForHealth(`http://127.0.0.1:${app.port}`)));
  // --nginx-max-fails 1: the former setting (max_fails=1 fail_timeout=2s), to reproduce its 502s.
  const maxFails = process.argv.includes("--nginx-max-fails") ? Number(process.argv[process.argv.indexOf("--nginx-max-fails") + 1]) : undefined;
  if (options.balancer) services.push(await startNginx({ port: PORTS.balancer, upstreams: apps.map((a) => a.port), log, maxFails, balance, exposeUpstream: options.exposeUpstream }));
  const cluster: Cluster = {
    url: publicUrl,
    appRoots: () => apps.map((a) => a.child?.pid).filter((pid): pid is number => pid !== undefined),
    proxyRoots: () => services.map((s) => s.pid()).filter((pid): pid is number => pid !== null),
    killApp: (index) => {
      const app = apps[index % apps.length];
      // The server itself (the process holding the port), not the tree's leaf: see listeningProcess.
      const victim = listeningProcess(app.child!.pid!, app.port);
      if (victim === null) throw new Error(`aucun processus n'écoute sur le port ${app.port} : rien à tuer`);
      process.kill(victim, "SIGKILL");
      return victim;
    },
    appPort: (index) => apps[index % apps.length].port,
    restarts: () => apps.reduce((sum, a) => sum + a.restarts, 0),
    errorLines: () => ({ count: apps.reduce((sum, a) => sum + a.errorLines, 0), files: apps.map((a) => a.logFile) }),
    waitHealthy: async () => {
      await Promise.all(apps.map((app) => waitForHealth(`http://127.0.0.1:${app.port}`)));
    },
    describe: [
      `${options.processes} processus (${startCommand()})`,
      options.balancer ? `derrière nginx (:${PORTS.balancer}, répartition ${balance === "least_conn" ? "least_conn" : `par cookie de session (${balance === "cookie" ? "hash" : "hash consistent"})`})` : "sans répartiteur",
      options.pgbouncer ? `PgBouncer en mode ${sessionMode ? "session" : "transaction"} (:${PORTS.pgbouncer})` : "connexion directe à PostgreSQL",
    ].join(", "),
    stop: async () => {
      forget();
      await stopAll();
    },
  };
  return cluster;
}
