/**
 * The bench's embedded PostgreSQL (`.data/postgres-answers`): a fixed port (the fault bench restarts it on the
 * same address), pg_stat_statements loaded (statements per cycle), and helpers to copy the template database.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { dataDirFor, startEmbeddedPostgres, type RunningDatabase } from "../../scripts/db/embedded-postgres";
import { BENCH_POSTGRES } from "./settings";

export type BenchPostgres = {
  port: number;
  dataDir: string;
  /** Admin connection string to a database of the server. */
  url: (database: string) => string;
  /** The postmaster's pid (every PostgreSQL process of the bench descends from it). */
  postmasterPid: () => number;
  vacuumAnalyze: (database: string) => Promise<void>;
  /** Fast shutdown then start on the same data and port (what a failover or a restart does to the app). */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

const SETTINGS = {
  shared_preload_libraries: "pg_stat_statements",
  "pg_stat_statements.track": "top",
  // The bench counts on transaction and statement statistics; keep the default flush of 1 s for cumulative stats.
  track_counts: "on",
};

/**
 * More settings for one run, to look at the answer's statements (`BENCH_POSTGRES_SETTINGS="pg_stat_statements.track_planning=on
 * auto_explain.log_min_duration=0 …"`, space-separated name=value; auto_explain must then be in shared_preload_libraries).
 */
function extraSettings(): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const item of (process.env.BENCH_POSTGRES_SETTINGS ?? "").split(/\s+/).filter(Boolean)) {
    const at = item.indexOf("=");
    if (at > 0) extra[item.slice(0, at)] = item.slice(at + 1);
  }
  return extra;
}

export async function openBenchPostgres(): Promise<BenchPostgres> {
  const start = () => startEmbeddedPostgres({ name: BENCH_POSTGRES.name, database: "postgres", quiet: true, port: BENCH_POSTGRES.port, settings: { ...SETTINGS, ...extraSettings() } });
  let running: RunningDatabase = await start();
  const dataDir = dataDirFor(BENCH_POSTGRES.name);
  const base = new URL(running.url);
  const url = (database: string) => {
    const u = new URL(base.href);
    u.pathname = `/${database}`;
    return u.href;
  };
  return {
    port: running.port,
    dataDir,
    url,
    postmasterPid: () => Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]),
    vacuumAnalyze: async (database) => {
      const client = new pg.Client({ connectionString: url(database) });
      await client.connect();
      await client.query("VACUUM ANALYZE");
      await client.end();
    },
    restart: async () => {
      await running.stop();
      running = await start();
    },
    stop: () => running.stop(),
  };
}

export const urlOf = (database: BenchPostgres, name: string) => database.url(name);

async function withAdmin<T>(database: BenchPostgres, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database.url("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops (closing its connections) and creates an empty database. */
export async function recreateDatabase(database: BenchPostgres, name: string, template?: string): Promise<void> {
  await withAdmin(database, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY` : `CREATE DATABASE "${name}"`);
  });
}

export async function dropDatabase(database: BenchPostgres, name: string): Promise<void> {
  await withAdmin(database, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function databaseExists(database: BenchPostgres, name: string): Promise<boolean> {
  return withAdmin(database, async (client) => (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1);
}
