/**
 * The soak: a steady open-loop load for 10 minutes, printing every 30 s the cycles, errors, latency and the
 * resident memory of the app processes (and of PostgreSQL), then the RSS trend: flat is the goal.
 *   npm run build && npm run bench:answers:soak -- [--rate 15] [--minutes 10] [--processes 1]
 */
import { OpenLoop, percentile } from "./open-loop";
import { machineLine, prepareLoad } from "./prepare-load";
import { proportionalBytes } from "./proc-stats";
import { errorCount, errorText } from "./report";
import { numberArgument } from "./run-setup";

const rate = numberArgument("rate", 15);
const minutes = numberArgument("minutes", 10);
const processes = numberArgument("processes", 1);
const WINDOW_SECONDS = 30;
const MEGABYTE = 2 ** 20;

/** Slope of samples taken every WINDOW_SECONDS, in MB per minute (least squares). */
function slopeOf(samples: number[]): number {
  if (samples.length < 2) return 0;
  const xs = samples.map((_, i) => (i * WINDOW_SECONDS) / 60);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = samples.reduce((a, b) => a + b, 0) / samples.length;
  return xs.reduce((sum, x, i) => sum + (x - mx) * (samples[i] - my), 0) / xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
}

console.log(`Machine : ${machineLine()}`);
const load = await prepareLoad({ processes, withFloor: false });
try {
  const loop = new OpenLoop(load.context, load.pupils);
  let failedArrivals = 0;
  const opened = await loop.arriveAll(8, () => failedArrivals++);
  await loop.run(Math.min(rate, 10), 10); // the server's first minutes (JIT, caches) are not the steady state
  const idle = load.metrics.appRss() / MEGABYTE;
  console.log(`${load.pupils.length} élèves devant leur question (${opened} pages ouvertes, ${failedArrivals} échecs) ; RSS app au repos ${Math.round(idle)} Mo. Endurance : ${rate} réponses/s pendant ${minutes} min.`);
  console.log("| minute | cycles | erreurs | p50 | p95 | RSS app | PSS PostgreSQL |\n|---|---|---|---|---|---|---|");
  const rssSeries: number[] = [];
  let errors = 0;
  const total = await loop.run(rate, minutes * 60, {
    seconds: WINDOW_SECONDS,
    onWindow: (index, w) => {
      const sorted = w.latencies.slice().sort((a, b) => a - b);
      const rss = load.metrics.appRss() / MEGABYTE;
      rssSeries.push(rss);
      errors += errorCount(w);
      const pgPss = proportionalBytes([load.postgres.postmasterPid()]) / MEGABYTE;
      const ms = (p: number) => (sorted.length ? `${Math.round(percentile(sorted, p))} ms` : "—");
      console.log(`| ${((index + 1) * WINDOW_SECONDS) / 60} | ${w.ok} | ${errorText(w)} | ${ms(50)} | ${ms(95)} | ${Math.round(rss)} Mo | ${Math.round(pgPss)} Mo |`);
    },
  });
  const half = Math.floor(rssSeries.length / 2);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const slope = slopeOf(rssSeries); // flat is about 0
  console.log(
    `\n${total.ok} cycles, ${errors} erreurs ; RSS app : repos ${Math.round(idle)} Mo, première moitié ${Math.round(mean(rssSeries.slice(0, half)))} Mo, seconde moitié ${Math.round(mean(rssSeries.slice(half)))} Mo, fin ${Math.round(rssSeries.at(-1) ?? 0)} Mo ; pente ${slope >= 0 ? "+" : ""}${slope.toFixed(1)} Mo/min (seconde moitié : ${slopeOf(rssSeries.slice(half)).toFixed(1)} Mo/min)`,
  );
  console.log(`Machine en fin de mesure : ${machineLine()}`);
} finally {
  await load.stop();
}
process.exit(0);
