/**
 * The answer-load bench: the production build under an open-loop load of pupils answering, replayed from the
 * browser's recorded requests, over a sweep of offered rates, with the floor measured in the same run.
 *   npm run build && npm run bench:answers -- [--processes 1] [--rates 10,15,20,…] [--duration 30] [--warmup 5]
 *     [--pupils 1200] [--mix 60,30,10] [--timeout 30] [--settle 11] [--prelude 10] [--prelude-rate 10] [--balance cookie]
 *     [--full] [--record] [--relogin] [--regenerate] [--refine 3] [--refine-step 5] [--floor-after]
 * Prints one row per rate (achieved rate, p50/p95/p99, errors by kind, CPU of the app / PostgreSQL / the bench per
 * cycle, PostgreSQL transactions and statements per cycle, HTTP requests per cycle, RSS of the app processes),
 * then the capacity (highest achieved rate with p95 ≤ 100 ms and 0 errors) and its ratio to the floor.
 * Without --full the sweep stops after two rates where more than half of the arrivals failed. --refine N adds up to N
 * rates bisecting the knee; --floor-after measures the floor again once the app has stopped.
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { type Floor, measureFloor } from "./floor";
import { perCycle, settleStats } from "./metrics";
import { type CycleTrace, NO_FREE_PUPIL, OpenLoop, percentile } from "./open-loop";
import { machineLine, prepareLoad } from "./prepare-load";
import { nginxErrorsSince, nginxLogOffset } from "./proxies";
import { achievedRate, capacity, errorCount, errorText, failedBelow, RATE_HEADER, rateLine, refineTarget, type RateRow } from "./report";
import { argument, flag, numberArgument } from "./run-setup";
import { STATE_DIR } from "./settings";
import { readTemplateStamp, templateLine } from "./template-stamp";

const DEFAULT_RATES = [10, 15, 20, 25, 50, 100, 150, 200, 250, 300];
const rates = argument("rates")?.split(",").map(Number) ?? DEFAULT_RATES;
const duration = numberArgument("duration", 30);
const warmup = numberArgument("warmup", 5);
const settle = numberArgument("settle", 11);
const processes = numberArgument("processes", 1);
const refine = numberArgument("refine", 0);
const refineStep = numberArgument("refine-step", 5);
// Unmeasured load before the first rate: a server at 10:00 has served earlier classes (JIT, caches, pools); how a cold
// start copes is bench:answers:cold's question, not the sweep's.
const prelude = numberArgument("prelude", 10);
const preludeRate = numberArgument("prelude-rate", 10);
const MEGABYTE = 2 ** 20;

console.log(`Machine : ${machineLine()}`);
const load = await prepareLoad({ processes, withFloor: !flag("no-floor") });
console.log(`${templateLine(readTemplateStamp())} ; ${load.pupils.length} élèves chargés`);
const rows: RateRow[] = [];
try {
  const loop = new OpenLoop(load.context, load.pupils);
  let failedArrivals = 0;
  const started = performance.now();
  const opened = await loop.arriveAll(8, () => failedArrivals++);
  console.log(`${load.pupils.length} élèves devant leur question (${opened} pages ouvertes en ${((performance.now() - started) / 1000).toFixed(0)} s, ${failedArrivals} échecs) ; RSS app au repos ${Math.round(load.metrics.appRss() / MEGABYTE)} Mo`);
  if (prelude > 0) {
    await loop.run(preludeRate, prelude);
    console.log(`(${prelude} s à ${preludeRate}/s avant le premier palier, non mesurées)`);
  }
  console.log(`\n${RATE_HEADER}`);
  const cycleLog = process.env.BENCH_CYCLE_LOG;
  const measureRate = async (rate: number): Promise<RateRow> => {
    const waited = await load.metrics.waitIdle();
    if (waited > 5) console.log(`(${Math.round(waited)} s d'attente : le serveur finissait les requêtes abandonnées du palier précédent)`);
    if (warmup > 0) await loop.run(rate, warmup);
    await settleStats(settle);
    const before = await load.metrics.snapshot();
    const rss = load.metrics.sampleRss();
    const nginxFrom = nginxLogOffset();
    const traces: CycleTrace[] = [];
    loop.onCycle = cycleLog ? (trace) => traces.push(trace) : null;
    const benchLoop = monitorEventLoopDelay({ resolution: 1 });
    benchLoop.enable();
    const stats = await loop.run(rate, duration);
    benchLoop.disable();
    loop.onCycle = null;
    if (cycleLog) appendFileSync(cycleLog, traces.map((t) => `${JSON.stringify({ rate, ...t })}\n`).join(""));
    const rssMax = rss.stop();
    await settleStats(settle);
    const after = await load.metrics.snapshot();
    // Every attempted cycle cost the server something, failed ones included.
    const attempted = stats.arrivals - (stats.errors.get(NO_FREE_PUPIL) ?? 0);
    const row: RateRow = { stats, cost: perCycle(before, after, attempted), rssMaxMb: rssMax / MEGABYTE, rssEndMb: load.metrics.appRss() / MEGABYTE };
    rows.push(row);
    console.log(rateLine(row));
    // The generator shares the machine: how late it sent, and how long its own thread was held (both count in p95).
    const late = stats.lateness;
    console.log(`  (banc : envois en retard p50 ${percentile(late, 50).toFixed(1)} ms, p95 ${percentile(late, 95).toFixed(1)} ms, max ${Math.round(late.at(-1) ?? Number.NaN)} ms ; boucle d'événements du banc p99 ${(benchLoop.percentile(99) / 1e6).toFixed(1)} ms, max ${Math.round(benchLoop.max / 1e6)} ms)`);
    const nginxErrors = [...nginxErrorsSince(nginxFrom)].map(([kind, n]) => `${n} × ${kind}`);
    if (nginxErrors.length > 0) console.log(`  (journal d'erreurs de nginx pendant ce palier : ${nginxErrors.join(" ; ")})`);
    return row;
  };
  let saturated = 0;
  for (const rate of rates) {
    const row = await measureRate(rate);
    const stats = row.stats;
    saturated = errorCount(stats) > stats.arrivals / 2 ? saturated + 1 : 0;
    if (saturated >= 2 && !flag("full")) {
      console.log(`(arrêt du balayage : plus de la moitié des arrivées en échec deux paliers de suite ; --full pour continuer)`);
      break;
    }
    if (loop.freePupils < load.pupils.length / 4) console.log(`(attention : ${loop.freePupils} élèves encore disponibles, les autres ont fini leurs campagnes)`);
  }
  // --refine N: up to N more rates, bisecting between the highest passing rate and the first failing one above it.
  for (let extra = 0, next = refineTarget(rows, refineStep); extra < refine && next !== null; extra++, next = refineTarget(rows, refineStep)) {
    if (extra === 0) console.log(`(affinage entre le dernier palier réussi et le premier en échec, ${refine} palier(s) au plus)`);
    await measureRate(next);
  }
  const best = capacity(rows);
  // --floor-after: the floor once more once the app has stopped (same PostgreSQL, a fresh copy); the machine's
  // state moves during a run, so the ratio is printed against both, and the honest one is against the higher.
  let floorAfter: Floor | null = null;
  if (load.floor && flag("floor-after")) {
    await load.cluster.stop();
    floorAfter = await measureFloor(load.postgres, { clients: load.floor.clients, seconds: load.floor.seconds });
  }
  const floors = [load.floor, floorAfter].filter((f): f is Floor => f !== null).map((f) => f.transactionsPerSecond);
  const ratio = (floor: number) => (best ? `1/${(floor / achievedRate(best.stats)).toFixed(1)}` : "—");
  console.log(
    `\nCapacité (p95 ≤ 100 ms, 0 erreur) : ${best ? `${achievedRate(best.stats).toFixed(1)} réponses/s (palier ${best.stats.offered}/s, p95 ${Math.round(percentile(best.stats.latencies, 95))} ms)` : "aucun palier"}` +
      (floors.length === 1 ? ` ; plancher ${Math.round(floors[0])} transactions/s ; rapport capacité / plancher = ${ratio(floors[0])}` : "") +
      (floors.length === 2
        ? ` ; plancher avant ${Math.round(floors[0])}, après ${Math.round(floors[1])} transactions/s ; rapport capacité / plancher = ${ratio(floors[0])} (avant), ${ratio(floors[1])} (après), ${ratio(Math.max(...floors))} contre le plus haut`
        : ""),
  );
  const below = failedBelow(rows, best);
  if (below.length > 0)
    console.log(`ATTENTION : ${below.length === 1 ? "un palier plus bas a échoué" : `${below.length} paliers plus bas ont échoué`} dans cette course : ` +
      `${below.map((r) => `${r.stats.offered}/s (p95 ${Math.round(percentile(r.stats.latencies, 95))} ms, erreurs ${errorText(r.stats)})`).join(" ; ")} — ` +
      `la capacité ci-dessus n'est le débit d'une école que si ces paliers, refaits, passent.`);
  const logged = load.cluster.errorLines();
  if (logged.count > 0) console.log(`${logged.count} lignes d'erreur dans les journaux de l'application : ${logged.files.join(", ")}`);
  console.log(`Machine en fin de mesure : ${machineLine()}`);
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(
    path.join(STATE_DIR, "last-run.json"),
    JSON.stringify({ machine: machineLine(), processes, cluster: load.cluster.describe, floor: load.floor, floorAfter, rows: rows.map((r) => ({ ...r, stats: { ...r.stats, errors: Object.fromEntries(r.stats.errors), latencies: undefined, lateness: undefined, acknowledged: undefined, p50: percentile(r.stats.latencies, 50), p95: percentile(r.stats.latencies, 95), p99: percentile(r.stats.latencies, 99) } })) }, null, 1),
  );
} finally {
  await load.stop();
}
process.exit(0);
