/**
 * The soak: a steady open-loop load for 10 minutes, printing every 30 s the cycles, errors, latency, the resident
 * memory of the app processes and what holds it (V8 heap used, external buffers, from the bench's probe), and
 * PostgreSQL's; then the trends of the second half (the first is the server filling its caches and growing its heap)
 * with their 95 % confidence intervals, and the heap after a full collection at rest: « flat » is stated only when
 * the interval allows it (trend.ts).
 *   npm run build && npm run bench:answers:soak -- [--rate 15] [--minutes 10] [--processes 1] [--warmup-minutes 0] [--heap-snapshots]
 */
import { OpenLoop, percentile } from "./open-loop";
import { machineLine, prepareLoad } from "./prepare-load";
import { proportionalBytes } from "./proc-stats";
import { errorCount, errorText } from "./report";
import { flag, numberArgument } from "./run-setup";
import { memoryLine, memoryReports, MEMORY_DIR, MEMORY_HEADER } from "./memory";
import { trendOf, trendText } from "./trend";
import { NATIVE_HEADER, nativeRow, nativeTrends, type NativeSample } from "./soak-native";

const rate = numberArgument("rate", 15);
const minutes = numberArgument("minutes", 10);
const processes = numberArgument("processes", 1);
// Minutes at the soak's rate before the measure (not measured): to see whether growth is the server's warm-up (JIT,
// heap sizing) that ends, declared before the run rather than cut from a run after the fact.
const warmupMinutes = numberArgument("warmup-minutes", 0);
// A heap snapshot of each serving process at rest before and after the load (heap-diff.ts compares them).
const snapshots = flag("heap-snapshots");
const WINDOW_SECONDS = 30;
const MEGABYTE = 2 ** 20;

console.log(`Machine : ${machineLine()}`);
const load = await prepareLoad({ processes, withFloor: false });
try {
  const loop = new OpenLoop(load.context, load.pupils);
  let failedArrivals = 0;
  const opened = await loop.arriveAll(8, () => failedArrivals++);
  await loop.run(Math.min(rate, 10), 10); // the server's first minutes (JIT, caches) are not the steady state
  if (warmupMinutes > 0) await loop.run(rate, warmupMinutes * 60);
  const idle = load.metrics.appRss() / MEGABYTE;
  // What is referenced before the load, to compare with the same reading at the end (a leak is what stays).
  const restBefore = memoryLine("au repos avant l'endurance, après une collecte complète", await memoryReports(load.cluster.appRoots(), { afterGc: true, snapshot: snapshots }));
  console.log(`${load.pupils.length} élèves devant leur question (${opened} pages ouvertes, ${failedArrivals} échecs) ; RSS app au repos ${Math.round(idle)} Mo. Endurance : ${rate} réponses/s pendant ${minutes} min${warmupMinutes > 0 ? `, après ${warmupMinutes} min au même rythme non mesurées` : ""}.`);
  console.log("| minute | cycles | erreurs | p50 | p95 | RSS app | tas V8 utilisé | external | PSS PostgreSQL |\n|---|---|---|---|---|---|---|---|---|");
  const rssSeries: number[] = [];
  const heapSeries: number[] = [];
  const externalSeries: number[] = [];
  const nativeSeries: NativeSample[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const total = await loop.run(rate, minutes * 60, {
    seconds: WINDOW_SECONDS,
    onWindow: (index, w) => {
      const sorted = w.latencies.slice().sort((a, b) => a - b);
      const rss = load.metrics.appRss() / MEGABYTE;
      rssSeries.push(rss);
      errors += errorCount(w);
      const pgPss = proportionalBytes([load.postgres.postmasterPid()]) / MEGABYTE;
      const ms = (p: number) => (sorted.length ? `${Math.round(percentile(sorted, p))} ms` : "—");
      const line = `| ${((index + 1) * WINDOW_SECONDS) / 60} | ${w.ok} | ${errorText(w)} | ${ms(50)} | ${ms(95)} | ${Math.round(rss)} Mo`;
      // The heap as it is (no collection forced: that would change what is measured), read by the probe.
      const slot = heapSeries.length;
      heapSeries.push(Number.NaN);
      externalSeries.push(Number.NaN);
      const minute = ((index + 1) * WINDOW_SECONDS) / 60;
      pending.push(
        memoryReports(load.cluster.appRoots()).then((reports) => {
          heapSeries[slot] = reports.reduce((sum, r) => sum + r.heapUsed, 0) / MEGABYTE;
          externalSeries[slot] = reports.reduce((sum, r) => sum + r.external, 0) / MEGABYTE;
          nativeSeries[slot] = nativeRow(minute, reports);
          console.log(`${line} | ${Math.round(heapSeries[slot])} Mo | ${Math.round(externalSeries[slot])} Mo | ${Math.round(pgPss)} Mo |`);
        }),
      );
    },
  });
  await Promise.all(pending);
  const half = Math.floor(rssSeries.length / 2);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const step = WINDOW_SECONDS / 60; // one sample per window, slopes per minute
  console.log(
    `\n${total.ok} cycles, ${errors} erreurs ; RSS app : repos ${Math.round(idle)} Mo, première moitié ${Math.round(mean(rssSeries.slice(0, half)))} Mo, seconde moitié ${Math.round(mean(rssSeries.slice(half)))} Mo, fin ${Math.round(rssSeries.at(-1) ?? 0)} Mo`,
  );
  console.log(`Pente sur toute la durée, RSS app : ${trendText(trendOf(rssSeries, step), "Mo/min")}`);
  console.log(`Pente sur la seconde moitié, RSS app : ${trendText(trendOf(rssSeries.slice(half), step), "Mo/min")}`);
  console.log(`Pente sur la seconde moitié, tas V8 utilisé : ${trendText(trendOf(heapSeries.slice(half), step), "Mo/min")}`);
  console.log(`Pente sur la seconde moitié, external : ${trendText(trendOf(externalSeries.slice(half), step), "Mo/min")}`);
  // Where the resident memory of the serving processes lies, window by window (soak-native.ts), and the trends of each part.
  console.log(`\n${NATIVE_HEADER}\n${nativeSeries.map((row) => row.line).join("\n")}`);
  for (const line of nativeTrends(nativeSeries, step)) console.log(line);
  // At rest, after a full collection: what is still referenced (a leak stays, garbage and caches' churn go).
  await new Promise((r) => setTimeout(r, 5_000));
  console.log(`\n${MEMORY_HEADER}\n${restBefore}\n${memoryLine("au repos après l'endurance, après une collecte complète", await memoryReports(load.cluster.appRoots(), { afterGc: true, snapshot: snapshots }))}`);
  if (snapshots) console.log(`Instantanés du tas : ${MEMORY_DIR} (npx tsx bench/answer-load/heap-diff.ts AVANT APRÈS)`);
  console.log(`Machine en fin de mesure : ${machineLine()}`);
} finally {
  await load.stop();
}
process.exit(0);
