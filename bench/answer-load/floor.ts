/**
 * The floor: what PostgreSQL does for the minimal SQL of an answer on the same machine, in the same run —
 * insert the answer and two knowledge elements, read the assessment's answers and the pupil's latest knowledge
 * elements, in one transaction (floor.sql) — with 50 clients (pgbench, prepared statements). It runs on a copy
 * of the template (same tables, indexes and row counts), with one extra assessment per pupil whose ids follow
 * the pupils' ids, so that the script finds a pupil's assessment by arithmetic.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { dropDatabase, recreateDatabase, type BenchPostgres } from "./bench-postgres";
import { FLOOR_DATABASE, LOAD_CAMPAIGNS, TEMPLATE_DATABASE } from "./settings";

const PGBENCH = "/usr/bin/pgbench";

export type Floor = { transactionsPerSecond: number; clients: number; seconds: number; latencyMs: number };

async function prepareFloorDatabase(postgres: BenchPostgres): Promise<{ firstAssessment: number; firstUser: number; pupils: number }> {
  await recreateDatabase(postgres, FLOOR_DATABASE, TEMPLATE_DATABASE);
  const client = new pg.Client({ connectionString: postgres.url(FLOOR_DATABASE) });
  await client.connect();
  try {
    const inserted = await client.query<{ id: number; user_id: number }>(
      `INSERT INTO assessments (user_id, participation_id, state, created_at, updated_at)
       SELECT p.user_id, p.id, 'STARTED', now(), now() FROM participations p JOIN campaigns c ON c.id = p.campaign_id
       WHERE c.code = $1 ORDER BY p.user_id RETURNING id, user_id`,
      [LOAD_CAMPAIGNS[0].code],
    );
    const rows = inserted.rows.sort((a, b) => a.id - b.id);
    const isArithmetic = rows.every((r, i) => r.id === rows[0].id + i && r.user_id === rows[0].user_id + i);
    if (!isArithmetic) throw new Error("plancher : identifiants des élèves non consécutifs");
    await client.query("VACUUM ANALYZE");
    return { firstAssessment: rows[0].id, firstUser: rows[0].user_id, pupils: rows.length };
  } finally {
    await client.end();
  }
}

export async function measureFloor(postgres: BenchPostgres, options: { clients: number; seconds: number }): Promise<Floor | null> {
  if (!existsSync(PGBENCH)) {
    console.log(`Plancher non mesuré : ${PGBENCH} absent (apt-get install -y postgresql-client).`);
    return null;
  }
  const targets = await prepareFloorDatabase(postgres);
  const url = new URL(postgres.url(FLOOR_DATABASE));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        PGBENCH,
        [
          "-n", "-M", "prepared", "-c", String(options.clients), "-j", "2", "-T", String(options.seconds),
          "-f", path.join("bench", "answer-load", "floor.sql"),
          "-D", `first_assessment=${targets.firstAssessment}`, "-D", `first_user=${targets.firstUser}`, "-D", `pupils=${targets.pupils}`,
          "-h", url.hostname, "-p", url.port, "-U", decodeURIComponent(url.username), FLOOR_DATABASE,
        ],
        { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) }, maxBuffer: 10 * 1024 * 1024 },
        (error, stdout, stderr) => (error ? reject(new Error(`pgbench : ${stderr || error.message}`)) : resolve(stdout)),
      );
    });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
    const latency = /latency average = ([\d.]+) ms/.exec(output);
    if (!tps) throw new Error(`pgbench : résultat illisible\n${output}`);
    return { transactionsPerSecond: Number(tps[1]), clients: options.clients, seconds: options.seconds, latencyMs: Number(latency?.[1] ?? Number.NaN) };
  } finally {
    await dropDatabase(postgres, FLOOR_DATABASE);
  }
}
