import { describe, expect, it } from "vitest";
import { IdleCollector } from "@/lib/server/idle-collector";

const MB = 2 ** 20;

/** A heap that grows with requests and shrinks when collected, as V8's does (halved per collection here). */
function fakeHeap(start: number) {
  const heap = { total: start, collections: 0 };
  const collector = new IdleCollector({
    heapTotal: () => heap.total,
    collect: () => {
      heap.collections++;
      heap.total = Math.max(start, heap.total / 2);
    },
    growthBytes: 32 * MB,
  });
  return { heap, collector };
}

describe("idle collector: memory back after a burst", () => {
  it("collects twice once the server is quiet after its heap grew, then leaves it alone", () => {
    const { heap, collector } = fakeHeap(100 * MB);
    collector.tick(); // quiet, heap at rest (the resting level was taken when the collector was made)
    const atRest = heap.collections;
    expect(atRest).toBe(0);
    for (let i = 0; i < 500; i++) collector.touch();
    heap.total = 400 * MB;
    collector.tick(); // busy period: nothing
    expect(heap.collections).toBe(atRest);
    collector.tick(); // quiet: collect
    collector.tick(); // quiet: the follow-up collection
    expect(heap.collections).toBe(atRest + 2);
    collector.tick();
    collector.tick();
    expect(heap.collections).toBe(atRest + 2);
  });

  it("never collects while requests keep coming, however large the heap", () => {
    const { heap, collector } = fakeHeap(100 * MB);
    heap.total = 900 * MB;
    for (let tick = 0; tick < 20; tick++) {
      collector.touch();
      collector.tick();
    }
    expect(heap.collections).toBe(0);
  });

  it("a trickle of requests on a heap that did not grow costs no collection", () => {
    const { heap, collector } = fakeHeap(100 * MB);
    heap.total = 300 * MB;
    collector.tick();
    collector.tick();
    const settled = heap.collections;
    for (let tick = 0; tick < 20; tick++) {
      if (tick % 2 === 0) collector.touch();
      heap.total += MB;
      collector.tick();
    }
    expect(heap.collections).toBe(settled);
  });

  it("a trickle under the quiet threshold (refused answers sent again after a burst) does not put the collection off", () => {
    const heap = { total: 100 * MB, collections: 0 };
    const collector = new IdleCollector({ heapTotal: () => heap.total, collect: () => heap.collections++, quietRequests: 10 });
    collector.tick();
    for (let i = 0; i < 500; i++) collector.touch();
    heap.total = 400 * MB;
    collector.tick();
    for (let i = 0; i < 7; i++) collector.touch();
    collector.tick();
    expect(heap.collections).toBe(1);
  });

  it("the tail of a burst (a fifth of its busiest period) counts as quiet", () => {
    const heap = { total: 100 * MB, collections: 0 };
    const collector = new IdleCollector({ heapTotal: () => heap.total, collect: () => heap.collections++, quietRequests: 10 });
    collector.tick();
    for (let i = 0; i < 600; i++) collector.touch();
    heap.total = 400 * MB;
    collector.tick();
    for (let i = 0; i < 200; i++) collector.touch();
    collector.tick();
    expect(heap.collections).toBe(0);
    for (let i = 0; i < 100; i++) collector.touch();
    collector.tick();
    expect(heap.collections).toBe(1);
  });

  it("a server whose first quiet period comes only after a burst still collects: its resting level is the one it started with", () => {
    // The review of 07/12: warmed at a steady rate (never quiet), then a burst; the first quiet period came after it,
    // and the burst's heap was taken for the resting level — no collection in 120 s.
    const heap = { total: 120 * MB, collections: 0 };
    const collector = new IdleCollector({ heapTotal: () => heap.total, collect: () => heap.collections++, quietRequests: 10 });
    for (let warm = 0; warm < 3; warm++) {
      for (let i = 0; i < 100; i++) collector.touch();
      heap.total += 5 * MB;
      collector.tick(); // 10/s: not quiet
    }
    for (let i = 0; i < 8_000; i++) collector.touch();
    heap.total = 300 * MB;
    collector.tick(); // the burst
    collector.tick(); // the first quiet period: 300 MB reserved against 120 at the start
    expect(heap.collections).toBe(1);
  });
});
