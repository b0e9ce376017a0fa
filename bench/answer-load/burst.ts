/**
 * Memory after a burst: the app at rest, then a burst far above what it sustains, then 60 s of quiet. Prints the
 * app's memory at rest, at the end of the burst (peak) and every 10 s after it, with what holds it (V8 heap by
 * generation, external buffers, what lies outside V8), and at the end the same after a full garbage collection:
 * live data against garbage or pages not handed back yet. The goal: back near the resting level within 60 s; the
 * answer states the burst left (their column) go after 10 minutes unused, which `--after 660` (or more) shows (a line a minute
 * past the first minute).
 *   npm run build && npm run bench:answers:burst -- [--rate 60] [--seconds 20] [--after 60] [--env NODE_OPTIONS=…]
 */
import { memoryLine, memoryReports, MEMORY_HEADER } from "./memory";
import { NO_FREE_PUPIL, OpenLoop, percentile } from "./open-loop";
import { machineLine, prepareLoad } from "./prepare-load";
import { errorText } from "./report";
import { numberArgument } from "./run-setup";

const rate = numberArgument("rate", 60);
const seconds = numberArgument("seconds", 20);
const after = numberArgument("after", 60);
const processes = numberArgument("processes", 1);
const MEGABYTE = 2 ** 20;

console.log(`Machine : ${machineLine()}`);
const load = await prepareLoad({ processes, withFloor: false });
try {
  const loop = new OpenLoop(load.context, load.pupils);
  await loop.arriveAll(8, () => undefined);
  await loop.run(10, 20); // warm: JIT, caches, pools — the resting level is that of a server that has served
  await load.metrics.waitIdle();
  await new Promise((r) => setTimeout(r, 10_000));
  console.log(`\nSalve : ${rate} réponses/s pendant ${seconds} s, puis ${after} s de calme (${load.cluster.describe}).\n`);
  console.log(MEMORY_HEADER);
  const idle = await memoryReports(load.cluster.appRoots());
  console.log(memoryLine("au repos", idle));
  // The level to come back to: what is referenced at rest (the remembered states of the warm-up included).
  console.log(memoryLine("au repos, après un GC complet", await memoryReports(load.cluster.appRoots(), { afterGc: true })));
  const rss = load.metrics.sampleRss();
  const burst = await loop.run(rate, seconds);
  const peakRss = rss.stop();
  console.log(memoryLine("fin de la salve", await memoryReports(load.cluster.appRoots())));
  const quietFrom = performance.now();
  // Every 10 s for the first minute, then every minute (with --after 660 or more, past the remembered states' 10 minutes
  // unused and the sweep that drops them: lib/db/repositories/answer-states.ts).
  for (let t = 10; t <= after; t += t < 60 ? 10 : 60) {
    await new Promise((r) => setTimeout(r, Math.max(0, quietFrom + t * 1000 - performance.now())));
    console.log(memoryLine(`+${t} s`, await memoryReports(load.cluster.appRoots())));
  }
  console.log(memoryLine(`+${after} s, après un GC complet`, await memoryReports(load.cluster.appRoots(), { afterGc: true })));
  const sorted = burst.latencies.slice().sort((a, b) => a - b);
  const attempted = burst.arrivals - (burst.errors.get(NO_FREE_PUPIL) ?? 0);
  console.log(
    `\nSalve : ${burst.ok} cycles réussis sur ${attempted} tentés (${burst.arrivals} arrivées), p50 ${Math.round(percentile(sorted, 50))} ms, p95 ${Math.round(percentile(sorted, 95))} ms, erreurs ${errorText(burst)}, ${burst.retries} renvois dont ${burst.gateRefusals} refus 503 du portier. RSS max échantillonné ${Math.round(peakRss / MEGABYTE)} Mo.`,
  );
  console.log(`Machine en fin de mesure : ${machineLine()}`);
} finally {
  await load.stop();
}
process.exit(0);
