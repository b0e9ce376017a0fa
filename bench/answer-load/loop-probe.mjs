// Bench only, never part of npm start: preloaded into an app process with
//   --env NODE_OPTIONS=--import=file:///…/bench/answer-load/loop-probe.mjs --env BENCH_LOOP_LOG=/some/file.jsonl
// Every second, appends one JSON line to $BENCH_LOOP_LOG: the event loop's delay over that second (p50, p99, max,
// in ms, sampled every 10 ms and including those 10 ms, as Node reports it: an idle process shows ~10.1; a value of
// 30 means the thread was held ~20 ms at a stretch) and V8's garbage
// collections of that second by kind (count, total and longest pause in ms), with the heap used. Lines from several
// processes carry their pid. Used to tell a tail made by GC pauses from one made by queueing elsewhere (issue 15).
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

const file = process.env.BENCH_LOOP_LOG;
if (file) {
  const KINDS = { 1: "scavenge", 2: "minor-ms", 4: "mark-compact", 8: "incremental", 16: "weak-callbacks" };
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let gc = {};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = KINDS[entry.detail?.kind] ?? String(entry.detail?.kind);
      const k = (gc[kind] ??= { n: 0, ms: 0, max: 0 });
      k.n++;
      k.ms += entry.duration;
      k.max = Math.max(k.max, entry.duration);
    }
  }).observe({ entryTypes: ["gc"] });
  const round = (x) => Math.round(x * 10) / 10;
  setInterval(() => {
    const line = {
      t: Date.now(),
      pid: process.pid,
      loopP50: round(delay.percentile(50) / 1e6),
      loopP99: round(delay.percentile(99) / 1e6),
      loopMax: round(delay.max / 1e6),
      gc: Object.fromEntries(Object.entries(gc).map(([kind, v]) => [kind, { n: v.n, ms: round(v.ms), max: round(v.max) }])),
      heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    };
    delay.reset();
    gc = {};
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 1000).unref();
}
