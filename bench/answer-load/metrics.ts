/**
 * What a measurement window costs: CPU of the app processes, of nginx and PgBouncer, of every PostgreSQL
 * process and of the bench itself (from /proc), PostgreSQL transactions of the run database (pg_stat_database,
 * commits + rollbacks) and statements (pg_stat_statements), and the app's resident memory.
 * PostgreSQL publishes a backend's transaction counts when it goes idle (at most 1 s late while busy, up to
 * 10 s late once idle): take a snapshot after `settleStats()`.
 */
import pg from "pg";
import type { Cluster } from "./app-cluster";
import type { BenchPostgres } from "./bench-postgres";
import { cpuMilliseconds, residentBytes } from "./proc-stats";

export type Snapshot = {
  at: number; appCpuMs: number; proxyCpuMs: number; postgresCpuMs: number; benchCpuMs: number; transactions: number; statements: number;
  /** Calls of pix_answer_state (the read an answer costs when its process does not remember the test) and of pix_answer_submit. */
  answerReads: number; answerSubmits: number;
};

export class Metrics {
  private constructor(
    private readonly monitor: pg.Client,
    private readonly cluster: Cluster,
    private readonly postgres: BenchPostgres,
    private readonly database: string,
  ) {}

  /** The monitor connects to the `postgres` database: its own queries never count in the run database. */
  static async open(cluster: Cluster, postgres: BenchPostgres, database: string): Promise<Metrics> {
    const monitor = new pg.Client({ connectionString: postgres.url("postgres") });
    await monitor.connect();
    monitor.on("error", () => undefined);
    return new Metrics(monitor, cluster, postgres, database);
  }

  async snapshot(): Promise<Snapshot> {
    const xacts = await this.monitor.query<{ n: string }>("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1", [this.database]);
    const statements = await this.monitor.query<{ n: string }>(
      "SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)",
      [this.database],
    );
    // From the statistics PostgreSQL keeps anyway: counting costs the answer path nothing.
    const answers = await this.monitor.query<{ reads: string; submits: string }>(
      `SELECT coalesce(sum(calls) FILTER (WHERE query LIKE '%pix_answer_state(%'), 0) AS reads,
              coalesce(sum(calls) FILTER (WHERE query LIKE '%pix_answer_submit(%'), 0) AS submits
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)`,
      [this.database],
    );
    const cpu = process.cpuUsage();
    return {
      at: performance.now(),
      appCpuMs: cpuMilliseconds(this.cluster.appRoots()),
      proxyCpuMs: cpuMilliseconds(this.cluster.proxyRoots()),
      postgresCpuMs: cpuMilliseconds([this.postgres.postmasterPid()]),
      benchCpuMs: (cpu.user + cpu.system) / 1000,
      transactions: Number(xacts.rows[0]?.n ?? 0),
      statements: Number(statements.rows[0]?.n ?? 0),
      answerReads: Number(answers.rows[0]?.reads ?? 0),
      answerSubmits: Number(answers.rows[0]?.submits ?? 0),
    };
  }

  /**
   * Waits until the app processes are idle (under 10 % of a core over a second): after an overload the server
   * still works through requests whose clients gave up, and that backlog must not count in the next rate.
   * Returns the seconds waited.
   */
  async waitIdle(maxSeconds = 180): Promise<number> {
    const started = performance.now();
    for (let i = 0; i < maxSeconds; i++) {
      const before = cpuMilliseconds(this.cluster.appRoots());
      await new Promise((r) => setTimeout(r, 1000));
      if (cpuMilliseconds(this.cluster.appRoots()) - before < 100) break;
    }
    return (performance.now() - started) / 1000;
  }

  appRss(): number {
    return residentBytes(this.cluster.appRoots());
  }

  /** Samples the app's RSS every second until stopped; returns the highest value seen. */
  sampleRss(): { stop: () => number } {
    let peak = this.appRss();
    const timer = setInterval(() => (peak = Math.max(peak, this.appRss())), 1000);
    return {
      stop: () => {
        clearInterval(timer);
        return Math.max(peak, this.appRss());
      },
    };
  }

  async close(): Promise<void> {
    await this.monitor.end().catch(() => undefined);
  }
}

/** Lets idle backends publish their statistics (PostgreSQL's idle flush interval is 10 s). */
export const settleStats = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000));

export function perCycle(before: Snapshot, after: Snapshot, cycles: number) {
  const per = (a: number, b: number) => (cycles > 0 ? (b - a) / cycles : Number.NaN);
  return {
    appCpuMs: per(before.appCpuMs, after.appCpuMs),
    proxyCpuMs: per(before.proxyCpuMs, after.proxyCpuMs),
    postgresCpuMs: per(before.postgresCpuMs, after.postgresCpuMs),
    benchCpuMs: per(before.benchCpuMs, after.benchCpuMs),
    transactions: per(before.transactions, after.transactions),
    statements: per(before.statements, after.statements),
    fromMemory: shareFromMemory(after.answerReads - before.answerReads, after.answerSubmits - before.answerSubmits),
  };
}

/**
 * The share of answers decided from the state their process remembered: every submit not preceded by a read. An
 * answer whose remembered submit was refused costs a submit, a read and a submit (counted as one from memory): rare,
 * since a stale state usually disagrees on the question answered and the process reads without submitting. NaN
 * without any submit.
 */
export function shareFromMemory(reads: number, submits: number): number {
  return submits > 0 ? Math.max(0, submits - reads) / submits : Number.NaN;
}
