/**
 * A cold start under load, second by second: the app as deployed (by default 2 processes behind nginx and PgBouncer)
 * gets `--rate` answers per second from its first second (after `--prelude` seconds at 10/s, 0 for none), and the bench
 * prints for each second what it offered, served, p50/p95, errors, retries, and what each part of the machine did
 * (CPU of each app process, of nginx + PgBouncer, of PostgreSQL, of the bench; PostgreSQL backends active / idle):
 * the timeline that says which resource saturates first when a run starts cold (issue 15, ADR 0013 « 07/12 (6) »).
 *   npm run build && npm run bench:answers:cold -- [--rate 250] [--seconds 30] [--processes 2] [--prelude 10]
 */
import pg from "pg";
import { OpenLoop, percentile, type PhaseStats } from "./open-loop";
import { machineLine, prepareLoad } from "./prepare-load";
import { cpuMilliseconds } from "./proc-stats";
import { errorCount, errorText } from "./report";
import { numberArgument } from "./run-setup";
import { PORTS, RUN_DATABASE } from "./settings";

const rate = numberArgument("rate", 250);
const seconds = numberArgument("seconds", 30);
const processes = numberArgument("processes", 2);
const prelude = numberArgument("prelude", 10);
const preludeRate = numberArgument("prelude-rate", 10);

type Sample = { apps: number[]; proxies: number; postgres: number; bench: number; active: number; idle: number; inTransaction: number; waiting: string; bouncer: string };

console.log(`Machine : ${machineLine()}`);
const load = await prepareLoad({ processes, withFloor: false });
const monitor = new pg.Client({ connectionString: load.postgres.url("postgres") });
await monitor.connect();
// PgBouncer's console (SHOW POOLS: clients waiting for a server connection, server connections in use / idle).
const bouncerUrl = new URL(load.postgres.url("pgbouncer"));
bouncerUrl.port = String(PORTS.pgbouncer);
const bouncer = processes > 1 ? new pg.Client({ connectionString: bouncerUrl.href }) : null;
await bouncer?.connect().catch(() => undefined);
bouncer?.on("error", () => undefined);
try {
  const loop = new OpenLoop(load.context, load.pupils);
  let failedArrivals = 0;
  const opened = await loop.arriveAll(8, () => failedArrivals++);
  if (prelude > 0) await loop.run(preludeRate, prelude);
  await load.metrics.waitIdle();
  console.log(`${load.pupils.length} élèves devant leur question (${opened} pages ouvertes, ${failedArrivals} échecs) ; ${prelude} s à ${preludeRate}/s avant ; puis ${rate}/s pendant ${seconds} s.`);

  // One sample per second of wall clock, next to the windows of arrivals (each handed over once its cycles ended).
  const roots = () => load.cluster.appRoots();
  const cpuNow = () => ({ apps: roots().map((pid) => cpuMilliseconds([pid])), proxies: cpuMilliseconds(load.cluster.proxyRoots()), postgres: cpuMilliseconds([load.postgres.postmasterPid()]), bench: (process.cpuUsage().user + process.cpuUsage().system) / 1000 });
  let previous = cpuNow();
  const samples: Sample[] = [];
  const sampler = setInterval(() => {
    const now = cpuNow();
    const sample: Sample = {
      apps: now.apps.map((ms, i) => ms - (previous.apps[i] ?? ms)),
      proxies: now.proxies - previous.proxies,
      postgres: now.postgres - previous.postgres,
      bench: now.bench - previous.bench,
      active: 0,
      idle: 0,
      inTransaction: 0,
      waiting: "",
      bouncer: "—",
    };
    previous = now;
    samples.push(sample);
    // What the run database's backends are doing at this instant (the monitor's own query is in `postgres`).
    monitor
      .query<{ state: string | null; wait: string | null; n: string }>("SELECT state, wait_event_type || ':' || wait_event AS wait, count(*) AS n FROM pg_stat_activity WHERE datname = $1 GROUP BY 1, 2", [RUN_DATABASE])
      .then(({ rows }) => {
        for (const r of rows) {
          if (r.state === "active") sample.active += Number(r.n);
          else if (r.state === "idle") sample.idle += Number(r.n);
          else if (r.state?.startsWith("idle in transaction")) sample.inTransaction += Number(r.n);
          if (r.state === "active" && r.wait && !r.wait.startsWith("Client")) sample.waiting += `${r.n}×${r.wait} `;
        }
      })
      .catch(() => undefined);
    bouncer
      ?.query<{ database: string; cl_active: string; cl_waiting: string; sv_active: string; sv_idle: string; sv_used: string; sv_login: string; maxwait: string; maxwait_us: string }>("SHOW POOLS")
      .then(({ rows }) => {
        const p = rows.find((r) => r.database === RUN_DATABASE);
        if (p) sample.bouncer = `${p.cl_active}/${p.cl_waiting} ; ${p.sv_active}/${Number(p.sv_idle) + Number(p.sv_used)}/${p.sv_login} ; ${Math.round(Number(p.maxwait) * 1000 + Number(p.maxwait_us) / 1000)} ms`;
      })
      .catch(() => undefined);
  }, 1000);
  const windows: PhaseStats[] = [];
  const total = await loop.run(rate, seconds, { seconds: 1, onWindow: (index, stats) => (windows[index] = stats) });
  clearInterval(sampler);

  const ms = (value: number) => (Number.isNaN(value) ? "—" : value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
  console.log(`\n| s | offert | servis | p50 | p95 | erreurs | renvois (dont 503) | CPU app % (par processus) | CPU nginx+PgBouncer % | CPU PostgreSQL % | CPU bench % | backends actifs / en transaction inactifs / inactifs | attentes | PgBouncer clients actifs/en attente ; serveurs actifs/libres/en connexion ; attente max |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`);
  windows.forEach((w, i) => {
    const lat = w.latencies.slice().sort((a, b) => a - b);
    const s = samples[i];
    const pct = (cpuMs: number) => `${Math.round(cpuMs / 10)}`;
    const cpu = s ? `${s.apps.map(pct).join(" + ")} | ${pct(s.proxies)} | ${pct(s.postgres)} | ${pct(s.bench)} | ${s.active} / ${s.inTransaction} / ${s.idle} | ${s.waiting.trim() || "—"} | ${s.bouncer}` : "— | — | — | — | — | — | —";
    console.log(`| ${i + 1} | ${w.arrivals} | ${w.ok} | ${ms(percentile(lat, 50))} | ${ms(percentile(lat, 95))} | ${errorText(w)} | ${w.retries} (${w.gateRefusals}) | ${cpu} |`);
  });
  const lat = total.latencies;
  console.log(`\nEnsemble : ${total.ok} cycles sur ${total.arrivals} arrivées, p50 ${ms(percentile(lat, 50))}, p95 ${ms(percentile(lat, 95))}, p99 ${ms(percentile(lat, 99))}, ${errorCount(total) === 0 ? "0 erreur" : `erreurs ${errorText(total)}`}, ${total.retries} renvois (${total.gateRefusals} refus de la porte)`);
  const logged = load.cluster.errorLines();
  if (logged.count > 0) console.log(`${logged.count} lignes d'erreur dans les journaux de l'application : ${logged.files.join(", ")}`);
  console.log(`Machine en fin de mesure : ${machineLine()}`);
} finally {
  await monitor.end().catch(() => undefined);
  await bouncer?.end().catch(() => undefined);
  await load.stop();
}
process.exit(0);
