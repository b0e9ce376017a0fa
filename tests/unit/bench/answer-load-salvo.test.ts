import { describe, expect, it } from "vitest";
import { emptyStats, NO_FREE_PUPIL, OpenLoop } from "../../../bench/answer-load/open-loop";
import type { CycleResult, LoadContext, Pupil } from "../../../bench/answer-load/pupil";

/** A pupil whose cycles end when the test says so (each acknowledges one answer of its own). */
function heldPupil(id: number) {
  const ends: ((result: CycleResult) => void)[] = [];
  let cycles = 0;
  const pupil = {
    isDone: false,
    needsArrival: false,
    cycle: () => {
      cycles++;
      return new Promise<CycleResult>((resolve) => ends.push(resolve));
    },
  } as unknown as Pupil;
  const end = (retries = 0) => ends.shift()!({ ok: true, ms: 5, requests: 1, retries, acknowledged: { assessmentId: id, challengeId: `ch-${cycles}` } });
  return { pupil, end, cycles: () => cycles };
}

const context = {} as LoadContext;

describe("the fault bench's salvo before its kill -9 (open-loop.ts, faults.ts)", () => {
  it("launches the cycles at once, all in flight together, counted apart and drained like the others", async () => {
    const pupils = Array.from({ length: 5 }, (_, i) => heldPupil(i + 1));
    const loop = new OpenLoop(context, pupils.map((p) => p.pupil));
    const salvo = emptyStats(0, 0);

    expect(loop.salvo(3, salvo)).toBe(3);
    // Nothing has ended: the three answers are in flight when the kill comes.
    expect(loop.cyclesInFlight).toBe(3);
    expect(pupils.map((p) => p.cycles())).toEqual([1, 1, 1, 0, 0]);
    expect(salvo.arrivals).toBe(3);

    pupils[0].end();
    pupils[1].end(2);
    pupils[2].end();
    await loop.drain();
    expect(loop.cyclesInFlight).toBe(0);
    expect(salvo).toMatchObject({ ok: 3, retries: 2, requests: 3 });
    // Their answers join the lost / duplicated check.
    expect(salvo.acknowledged.map((a) => a.assessmentId)).toEqual([1, 2, 3]);
    expect(salvo.errors.get(NO_FREE_PUPIL)).toBeUndefined();
  });

  it("aimed: only the free pupils it accepts, in their order, each cycle's result handed over when it ends", async () => {
    const pupils = Array.from({ length: 6 }, (_, i) => heldPupil(i + 1));
    const loop = new OpenLoop(context, pupils.map((p) => p.pupil));
    const aimed = new Set([pupils[1].pupil, pupils[3].pupil, pupils[4].pupil]);
    const salvo = emptyStats(0, 0);
    const ended: number[] = [];
    const launched = loop.salvo(2, salvo, (p) => aimed.has(p), (p, result) => ended.push(pupils.findIndex((x) => x.pupil === p) * 10 + result.retries));
    expect(launched).toBe(2);
    expect(pupils.map((p) => p.cycles())).toEqual([0, 1, 0, 1, 0, 0]);
    // The others stay free, in their order.
    expect(loop.freeList()).toEqual([0, 2, 4, 5].map((i) => pupils[i].pupil));
    pupils[3].end(2);
    pupils[1].end();
    await loop.drain();
    expect(ended).toEqual([32, 10]);
    expect(salvo).toMatchObject({ arrivals: 2, ok: 2, retries: 2 });
    // Fewer accepted pupils free than asked: fewer launched.
    expect(loop.salvo(5, emptyStats(0, 0), (p) => p === pupils[4].pupil)).toBe(1);
    pupils[4].end();
    await loop.drain();
  });

  it("takes only free pupils: a pupil is never in two cycles at once", async () => {
    const pupils = Array.from({ length: 2 }, (_, i) => heldPupil(i + 1));
    const loop = new OpenLoop(context, pupils.map((p) => p.pupil));
    const first = emptyStats(0, 0);
    expect(loop.salvo(2, first)).toBe(2);
    const second = emptyStats(0, 0);
    expect(loop.salvo(4, second)).toBe(0);
    expect(second.arrivals).toBe(0);
    pupils.forEach((p) => p.end());
    await loop.drain();
    // Back in the free list once their cycle ended.
    expect(loop.freePupils).toBe(2);
    expect(loop.salvo(4, second)).toBe(2);
    pupils.forEach((p) => p.end());
    await loop.drain();
  });
});
