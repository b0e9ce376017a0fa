import pg from "pg";

/**
 * A fingerprint of everything a request could change: per table, its row count and a digest of its rows. Two
 * equal fingerprints mean "no change in the database" (a sent mail is a change too: without SMTP_URL it is a row
 * of dev_mails).
 *
 * Left out, on purpose and only these:
 * - the learning content (read-only at run time) and Prisma's bookkeeping;
 * - rate-limit counters (rate_limits, the login failure counters): refusing a request may count it, that is
 *   their job, and other tests check the limits;
 * - columns that only record that someone looked (memberships.last_accessed_at), and `updated_at` everywhere (Prisma
 *   bumps it on any update, e.g. of a login counter; the columns that matter are compared themselves).
 * Whoever adds a table of counters or an audit log of refused attempts adds it here, with the reason.
 */
const IGNORED_TABLES = new Set([
  "_prisma_migrations",
  "areas",
  "competences",
  "tubes",
  "skills",
  "challenges",
  "tutorials",
  "target_profiles",
  "target_profile_tubes",
  "stages",
  "rate_limits",
]);
const IGNORED_COLUMNS: Record<string, string[]> = {
  users: ["login_failure_count", "login_blocked_until", "last_logged_at"],
  memberships: ["last_accessed_at"],
};

export type Fingerprint = Record<string, string>;

export class DatabaseProbe {
  private constructor(
    private readonly client: pg.Client,
    private readonly query: string,
    private readonly tables: string[],
  ) {}

  static async connect(url: string): Promise<DatabaseProbe> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    const tables = rows.map((r) => r.tablename).filter((table) => !IGNORED_TABLES.has(table));
    const parts = tables.map((table) => {
        const row = ["updated_at", ...(IGNORED_COLUMNS[table] ?? [])].reduce((expression, column) => `${expression} - '${column}'`, "to_jsonb(t)");
        return `SELECT '${table}' AS name, count(*) || ':' || coalesce(md5(string_agg((${row})::text, '|' ORDER BY (${row})::text)), '') AS digest FROM "${table}" t`;
      });
    return new DatabaseProbe(client, parts.join(" UNION ALL "), tables);
  }

  /**
   * Phase 1 must leave the world as it found it. A copy of every table is kept so that a refusal that failed (it
   * changed something) is undone at once: one broken row then shows up alone instead of spoiling the rows after it
   * (a password changed by mistake would close that actor's session for the rest of the run).
   */
  async keepCopy(): Promise<void> {
    await this.client.query("DROP SCHEMA IF EXISTS matrix_copy CASCADE; CREATE SCHEMA matrix_copy");
    for (const table of this.tables) await this.client.query(`CREATE TABLE matrix_copy."${table}" AS TABLE public."${table}"`);
  }

  async restore(tables: string[]): Promise<void> {
    // Foreign keys are not checked while the rows are put back (the copy is consistent as a whole).
    await this.client.query("BEGIN; SET LOCAL session_replication_role = replica");
    try {
      for (const table of tables) {
        await this.client.query(`DELETE FROM public."${table}"`);
        await this.client.query(`INSERT INTO public."${table}" SELECT * FROM matrix_copy."${table}"`);
      }
      await this.client.query("COMMIT");
    } catch (error) {
      await this.client.query("ROLLBACK");
      throw error;
    }
  }

  async fingerprint(): Promise<Fingerprint> {
    const { rows } = await this.client.query<{ name: string; digest: string }>(this.query);
    return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
  }

  /** The matrix checks authorization, not limits: counters are emptied before each call so no limit decides for it. */
  async forgetRateLimits(): Promise<void> {
    await this.client.query("DELETE FROM rate_limits");
  }

  async sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await this.client.query<T>(text, values)).rows;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** Tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
