// Bench only, preloaded into the app processes by app-cluster.ts (NODE_OPTIONS=--import): on SIGUSR2, writes what
// holds the process's memory to $BENCH_MEMORY_DIR/<pid>.json — process.memoryUsage() (rss, V8 heap, external,
// array buffers), the V8 heap spaces and the answer path's remembered states (count, estimated bytes) — and, when the file $BENCH_MEMORY_DIR/gc exists, does so after a full
// garbage collection (what is still referenced, as against garbage not collected yet), and when the file
// $BENCH_MEMORY_DIR/snapshot exists, writes a heap snapshot beside it first (soak.ts --heap-snapshots: what the heap
// holds, object by object, to compare two moments with heap-diff.ts). It also counts the process's garbage collections
// by kind since it started (a PerformanceObserver on « gc » entries): whether the old generation was collected between
// two reports (the soak's sawtooth). Never loaded by npm start.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { constants as perfConstants, PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";

const dir = process.env.BENCH_MEMORY_DIR;
if (dir) {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  // The bench signals only processes that left this mark (SIGUSR2 would end the `sh -c` above them).
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${process.pid}.probe`), "");
  // Collections by kind since start (the probe's own forced collections included: they are full ones, counted in
  // `forced` as well so that a reader can subtract them).
  const gcCounts = { minor: 0, major: 0, incremental: 0, weakcb: 0, forced: 0, majorMs: 0 };
  const kinds = {
    [perfConstants.NODE_PERFORMANCE_GC_MINOR]: "minor",
    [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: "major",
    [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
    [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = kinds[entry.detail?.kind];
      if (!kind) continue;
      gcCounts[kind]++;
      if (kind === "major") gcCounts.majorMs += entry.duration;
    }
  }).observe({ entryTypes: ["gc"] });
  process.on("SIGUSR2", () => {
    const collected = existsSync(path.join(dir, "gc"));
    if (collected) {
      gc();
      gcCounts.forced++;
    }
    const snapshot = existsSync(path.join(dir, "snapshot")) ? v8.writeHeapSnapshot(path.join(dir, `${process.pid}-${Date.now()}.heapsnapshot`)) : undefined;
    const statistics = v8.getHeapSpaceStatistics();
    const spaces = Object.fromEntries(statistics.map((s) => [s.space_name, s.space_size]));
    const spacesUsed = Object.fromEntries(statistics.map((s) => [s.space_name, s.space_used_size]));
    // The answer path's remembered states, if this process serves it (lib/db/repositories/answer-states.ts registers
    // one reader per module instance): their count and estimated bytes, summed, with the number of instances.
    const readers = globalThis[Symbol.for("pix-libre.answer-states.stats")];
    const read = Array.isArray(readers) ? readers.map((reader) => reader()) : [];
    const answerStates = read.length
      ? { instances: read.length, count: read.reduce((s, r) => s + r.count, 0), bytes: read.reduce((s, r) => s + r.bytes, 0), maxBytes: Math.max(...read.map((r) => r.maxBytes)), perInstance: read.map((r) => ({ count: r.count, bytes: r.bytes })) }
      : undefined;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify({ at: Date.now(), collected, ...process.memoryUsage(), spaces, spacesUsed, snapshot, answerStates, gcCounts: { ...gcCounts } }));
  });
}
