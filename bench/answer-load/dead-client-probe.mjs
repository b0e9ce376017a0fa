/**
 * What PostgreSQL does with the statement of a client killed through PgBouncer while the statement waits on a lock
 * (the fault bench's cut answers, ADR 0013 « 07/12 (16) »), without the app: n times, this script holds an advisory
 * lock on its own connection straight to PostgreSQL, a child process sends through PgBouncer one statement that takes
 * the same lock and then inserts a row (parameters, as node-pg sends the app's statements: Parse, Bind, Describe,
 * Execute, Sync), the child is killed with SIGKILL once pg_stat_activity shows the statement waiting, the lock is
 * released 200 ms later, and the row is looked for. Run it beside `npm run bench:cluster` (which starts PgBouncer in
 * transaction mode in front of the bench's PostgreSQL):
 *   node bench/answer-load/dead-client-probe.mjs <direct url> <PgBouncer url> [n = 20]
 * e.g. with --ports 3300: postgresql://pix:pix-local-only@127.0.0.1:3321/pix_answers_run and the same on port 3320.
 * It creates and drops a table `dead_client_probe` in that database.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (process.argv[2] === "--child") {
  const k = Number(process.argv[3]);
  const client = new pg.Client({ connectionString: process.argv[4] });
  await client.connect();
  console.log("connected");
  await client.query("WITH l AS (SELECT pg_advisory_xact_lock(777, $1::int) AS x) INSERT INTO dead_client_probe (k) SELECT $1::int FROM l", [k]);
  process.exit(0);
}

const [direct, bouncer] = process.argv.slice(2, 4);
const n = Number(process.argv[4] ?? 20);
if (!direct || !bouncer) {
  console.error("usage : node bench/answer-load/dead-client-probe.mjs <url directe> <url PgBouncer> [n]");
  process.exit(2);
}
const holder = new pg.Client({ connectionString: direct });
await holder.connect();
await holder.query("DROP TABLE IF EXISTS dead_client_probe; CREATE TABLE dead_client_probe (k int, at timestamptz DEFAULT clock_timestamp())");
const me = (await holder.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
let committed = 0;
let goneWithin200Ms = 0;
try {
  for (let k = 1; k <= n; k++) {
    await holder.query("SELECT pg_advisory_lock(777, $1::int)", [k]);
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--child", String(k), bouncer], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise((resolve) => child.stdout.once("data", resolve));
    let waiting = [];
    for (let tries = 0; tries < 400 && waiting.length === 0; tries++) {
      waiting = (await holder.query("SELECT pid FROM pg_stat_activity WHERE $1::int = ANY (pg_blocking_pids(pid))", [me])).rows.map((r) => r.pid);
      if (waiting.length === 0) await sleep(5);
    }
    child.kill("SIGKILL");
    await sleep(200);
    const left = (await holder.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY ($1::int[])", [waiting])).rows[0].n;
    if (left === 0) goneWithin200Ms++;
    await holder.query("SELECT pg_advisory_unlock(777, $1::int)", [k]);
    await sleep(300);
    const rows = (await holder.query("SELECT count(*)::int AS n FROM dead_client_probe WHERE k = $1", [k])).rows[0].n;
    committed += rows;
    console.log(`${k} : ${waiting.length} en attente, ${left} encore là 200 ms après le kill, ligne écrite : ${rows}`);
  }
  console.log(`Instructions d'un client tué écrites après le kill : ${committed} sur ${n} ; backends partis en moins de 200 ms : ${goneWithin200Ms}`);
} finally {
  await holder.query("DROP TABLE IF EXISTS dead_client_probe");
  await holder.end();
}
