import { describe, expect, it } from "vitest";
import { emptyStats } from "../../../bench/answer-load/open-loop";
import { capacity, failedBelow, refineTarget, type RateRow } from "../../../bench/answer-load/report";

/** A row offered at `offered`/s whose latencies all equal `p95` (ms), with `errors` failed cycles. */
function row(offered: number, p95: number, errors = 0): RateRow {
  const stats = emptyStats(offered, 30);
  stats.latencies = Array.from({ length: 100 }, () => p95);
  stats.ok = 100;
  stats.arrivals = 100 + errors;
  if (errors > 0) stats.errors.set("503", errors);
  return { stats, cost: {} as RateRow["cost"], rssMaxMb: 0, rssEndMb: 0 };
}

describe("the sweep's refinement near the knee (run.ts --refine)", () => {
  it("bisects between the highest passing rate and the first failing rate above it, on the step", () => {
    expect(refineTarget([row(50, 10), row(300, 40), row(325, 140), row(350, 150)], 5)).toBe(315);
    expect(refineTarget([row(300, 40), row(325, 140), row(315, 60)], 5)).toBe(320);
  });

  it("counts an error as a failure even with a low p95", () => {
    expect(refineTarget([row(300, 40), row(350, 40, 1)], 5)).toBe(325);
  });

  it("stops when the pair is one step apart, or when nothing passed or nothing failed above", () => {
    expect(refineTarget([row(300, 40), row(320, 60), row(325, 140)], 5)).toBeNull();
    expect(refineTarget([row(300, 140), row(325, 150)], 5)).toBeNull();
    expect(refineTarget([row(300, 40), row(325, 60)], 5)).toBeNull();
  });

  it("ignores a failing rate below the highest passing one (a noisy row)", () => {
    expect(refineTarget([row(250, 150), row(300, 40), row(400, 150)], 5)).toBe(350);
  });
});

describe("the rates that failed below the capacity (run.ts prints them beside it)", () => {
  it("lists every failing rate offered below the highest passing one, lowest first", () => {
    // The shape of answer-sweep-1-process-2026-12-07-r5-baseline.txt: 300/s failed, 325/s missed by 2 ms, 350/s passed.
    const rows = [row(325, 102), row(300, 5300, 138), row(350, 57), row(375, 150)];
    const best = capacity(rows);
    expect(best?.stats.offered).toBe(350);
    expect(failedBelow(rows, best).map((r) => r.stats.offered)).toEqual([300, 325]);
  });

  it("lists nothing for a monotone sweep or without a capacity", () => {
    const rows = [row(250, 30), row(300, 60), row(325, 140, 3)];
    expect(failedBelow(rows, capacity(rows))).toEqual([]);
    expect(failedBelow([row(300, 140)], capacity([row(300, 140)]))).toEqual([]);
  });
});
