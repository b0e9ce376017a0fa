/**
 * The answer-load bench: the production build under an open-loop load of pupils answering, replayed from the
 * browser's recorded requests, over a sweep of offered rates, with the floor measured in the same run.
 *   npm run build && npm run bench:answers -- [--processes 1] [--rates 10,15,20,…] [--duration 30] [--warmup 5]
 *     [--pupils 1200] [--mix 60,30,10] [--timeout 30] [--settle 11] [--prelude 10] [--prelude-rate 10] [--balance cookie]
 *     [--full] [--record] [--relogin] [--regenerate]
 * Prints one row per rate (achieved rate, p50/p95/p99, errors by kind, CPU of the app / PostgreSQL / the bench per
 * cycle, PostgreSQL transactions and statements per cycle, HTTP requests per cycle, RSS of the app processes),
 * then the capacity (highest achieved rate with p95 ≤ 100 ms and 0 errors) and its ratio to the floor.
 * Without --full the sweep stops after two rates where more than half of the arrivals failed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { perCycle, settleStats } from "./metrics";
import { NO_FREE_PUPIL, OpenLoop, percentile } from "./open-loop";
import { machineLine, prepareLoad } from "./prepare-load";
import { nginxErrorsSince, nginxLogOffset } from "./proxies";
import { achievedRate, capacity, errorCount, RATE_HEADER, rateLine, type RateRow } from "./report";
import { argument, flag, numberArgument } from "./run-setup";
import { STATE_DIR } from "./settings";

const DEFAULT_RATES = [10, 15, 20, 25, 50, 100, 150, 200, 250, 300];
const rates = argument("rates")?.split(",").map(Number) ?? DEFAULT_RATES;
const duration = numberArgument("duration", 30);
const warmup = numberArgument("warmup", 5);
const settle = numberArgument("settle", 11);
const processes = numberArgument("processes", 1);
// Unmeasured load before the first rate: a server at 10:00 has served earlier classes (JIT, caches, pools); how a cold
// start copes is bench:answers:cold's question, not the sweep's.
const prelude = numberArgument("prelude", 10);
const preludeRate = numberArgument("prelude-rate", 10);
const MEGABYTE = 2 ** 20;

console.log(`Machine : ${machineLine()}`);
const load = await prepareLoad({ processes, withFloor: !flag("no-floor") });
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
  let saturated = 0;
  for (const rate of rates) {
    const waited = await load.metrics.waitIdle();
    if (waited > 5) console.log(`(${Math.round(waited)} s d'attente : le serveur finissait les requêtes abandonnées du palier précédent)`);
    if (warmup > 0) await loop.run(rate, warmup);
    await settleStats(settle);
    const before = await load.metrics.snapshot();
    const rss = load.metrics.sampleRss();
    const nginxFrom = nginxLogOffset();
    const stats = await loop.run(rate, duration);
    const rssMax = rss.stop();
    await settleStats(settle);
    const after = await load.metrics.snapshot();
    // Every attempted cycle cost the server something, failed ones included.
    const attempted = stats.arrivals - (stats.errors.get(NO_FREE_PUPIL) ?? 0);
    const row: RateRow = { stats, cost: perCycle(before, after, attempted), rssMaxMb: rssMax / MEGABYTE, rssEndMb: load.metrics.appRss() / MEGABYTE };
    rows.push(row);
    console.log(rateLine(row));
    const nginxErrors = [...nginxErrorsSince(nginxFrom)].map(([kind, n]) => `${n} × ${kind}`);
    if (nginxErrors.length > 0) console.log(`  (journal d'erreurs de nginx pendant ce palier : ${nginxErrors.join(" ; ")})`);
    saturated = errorCount(stats) > stats.arrivals / 2 ? saturated + 1 : 0;
    if (saturated >= 2 && !flag("full")) {
      console.log(`(arrêt du balayage : plus de la moitié des arrivées en échec deux paliers de suite ; --full pour continuer)`);
      break;
    }
    if (loop.freePupils < load.pupils.length / 4) console.log(`(attention : ${loop.freePupils} élèves encore disponibles, les autres ont fini leurs campagnes)`);
  }
  const best = capacity(rows);
  const floor = load.floor?.transactionsPerSecond;
  console.log(
    `\nCapacité (p95 ≤ 100 ms, 0 erreur) : ${best ? `${achievedRate(best.stats).toFixed(1)} réponses/s (palier ${best.stats.offered}/s, p95 ${Math.round(percentile(best.stats.latencies, 95))} ms)` : "aucun palier"}` +
      (floor ? ` ; plancher ${Math.round(floor)} transactions/s ; rapport capacité / plancher = ${best ? `1/${Math.round(floor / achievedRate(best.stats))}` : "—"}` : ""),
  );
  const logged = load.cluster.errorLines();
  if (logged.count > 0) console.log(`${logged.count} lignes d'erreur dans les journaux de l'application : ${logged.files.join(", ")}`);
  console.log(`Machine en fin de mesure : ${machineLine()}`);
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(
    path.join(STATE_DIR, "last-run.json"),
    JSON.stringify({ machine: machineLine(), processes, cluster: load.cluster.describe, floor: load.floor, rows: rows.map((r) => ({ ...r, stats: { ...r.stats, errors: Object.fromEntries(r.stats.errors), latencies: undefined, acknowledged: undefined, p50: percentile(r.stats.latencies, 50), p95: percentile(r.stats.latencies, 95), p99: percentile(r.stats.latencies, 99) } })) }, null, 1),
  );
} finally {
  await load.stop();
}
process.exit(0);
