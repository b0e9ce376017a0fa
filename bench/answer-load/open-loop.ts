/**
 * The open-loop generator: arrivals follow a Poisson process at the offered rate whatever the server's
 * answers (a slow server does not slow the pupils down, it makes them wait). Each arrival is one cycle of
 * the pupil who has waited longest; a pupil is never in two cycles at once, and an arrival that finds every
 * pupil busy is counted as « aucun élève libre ». Latency runs from the arrival's scheduled time.
 */
import { performance } from "node:perf_hooks";
import { HttpError } from "./http-client";
import type { CycleResult, LoadContext, Pupil } from "./pupil";

export const NO_FREE_PUPIL = "aucun élève libre";

export type PhaseStats = {
  offered: number;
  seconds: number;
  arrivals: number;
  ok: number;
  /** Failed cycles by kind, plus « aucun élève libre ». */
  errors: Map<string, number>;
  latencies: number[];
  requests: number;
  retries: number;
  /** Of the retries, answers refused by the app's answer gate (503 before Next.js). */
  gateRefusals: number;
  /** The retries by what the attempt before them got (« HTTP 502 », « network », « HTTP 503 »…). */
  resendCauses: Map<string, number>;
  acknowledged: { assessmentId: number; challengeId: string }[];
  /** How late the generator launched each arrival after its scheduled time (ms): its own event loop's lag. */
  lateness: number[];
};

/** One cycle as seen by the generator, for BENCH_CYCLE_LOG: scheduled time (epoch ms), latency, sent late by, ok. */
export type CycleTrace = { at: number; ms: number; lateMs: number; ok: boolean };

/** mulberry32: a small seeded generator, so that two runs offer the same arrivals. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function emptyStats(rate: number, seconds: number): PhaseStats {
  return { offered: rate, seconds, arrivals: 0, ok: 0, errors: new Map(), latencies: [], requests: 0, retries: 0, gateRefusals: 0, resendCauses: new Map(), acknowledged: [], lateness: [] };
}

function count(stats: PhaseStats, kind: string): void {
  stats.errors.set(kind, (stats.errors.get(kind) ?? 0) + 1);
}

export class OpenLoop {
  private readonly free: Pupil[];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly random: () => number;
  /** Called once per ended cycle when set (run.ts writes them to BENCH_CYCLE_LOG). */
  onCycle: ((trace: CycleTrace) => void) | null = null;

  constructor(
    private readonly context: LoadContext,
    pupils: Pupil[],
    seed = 15,
  ) {
    this.free = pupils.filter((p) => !p.isDone);
    this.random = seededRandom(seed);
  }

  get freePupils(): number {
    return this.free.length;
  }

  /** The pupils whose screen is not known yet open their question page (a few at a time); returns how many. */
  async arriveAll(concurrency: number, onError: (error: unknown) => void): Promise<number> {
    const queue = this.free.filter((p) => p.needsArrival);
    const count = queue.length;
    const ready = this.free.filter((p) => !p.needsArrival);
    this.free.length = 0;
    this.free.push(...ready);
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let pupil = queue.shift(); pupil; pupil = queue.shift()) {
          try {
            await pupil.arrive(this.context);
          } catch (error) {
            onError(error);
          }
          if (!pupil.isDone) this.free.push(pupil);
        }
      }),
    );
    return count;
  }

  /**
   * Offers `rate` cycles per second for `seconds`, then waits for the cycles in flight. With `window`, also
   * keeps the figures of each window of that many seconds apart and hands each one over once its cycles ended.
   */
  async run(rate: number, seconds: number, window?: { seconds: number; onWindow: (index: number, stats: PhaseStats) => void }): Promise<PhaseStats> {
    const total = emptyStats(rate, seconds);
    const windows: { stats: PhaseStats; pending: Set<Promise<void>> }[] = [];
    const start = performance.now();
    const end = start + seconds * 1000;
    let next = start + this.interval(rate);
    let reported = 0;
    const report = (upTo: number) => {
      for (; reported < upTo; reported++) window!.onWindow(reported, windows[reported].stats);
    };
    while (next < end) {
      const wait = next - performance.now();
      if (wait > 1) await sleep(wait);
      const now = performance.now();
      while (next <= now && next < end) {
        const targets = [total];
        let current: (typeof windows)[number] | undefined;
        if (window) {
          const index = Math.floor((next - start) / (window.seconds * 1000));
          while (windows.length <= index) windows.push({ stats: emptyStats(rate, window.seconds), pending: new Set() });
          current = windows[index];
          targets.push(current.stats);
        }
        for (const stats of targets) {
          stats.arrivals++;
          stats.lateness.push(now - next);
        }
        const pupil = this.free.shift();
        if (!pupil) for (const stats of targets) count(stats, NO_FREE_PUPIL);
        else {
          const work = this.launch(pupil, next, targets, now - next);
          if (current) {
            const pending = current.pending;
            pending.add(work);
            void work.finally(() => pending.delete(work));
          }
        }
        next += this.interval(rate);
      }
      // A window is handed over when it is over and its cycles have ended.
      if (window) {
        let ready = reported;
        while (ready < windows.length - 1 && windows[ready].pending.size === 0) ready++;
        report(ready);
      }
    }
    await this.drain();
    if (window) report(windows.length);
    for (const stats of [total, ...windows.map((w) => w.stats)]) {
      stats.latencies.sort((a, b) => a - b);
      stats.lateness.sort((a, b) => a - b);
    }
    return total;
  }

  /** Cycles launched and not yet ended (the run's and any salvo's). */
  get cyclesInFlight(): number {
    return this.inFlight.size;
  }

  /**
   * Launches `count` cycles at once, outside the Poisson arrivals, from the pupils who have waited longest, counted in
   * `stats` (arrivals, results, acknowledged answers); the pupils go back to the free list when their cycle ends, and
   * drain() waits for them like any other. The fault bench sends one just before its kill -9, so that answers are in
   * flight in the process it kills (faults.ts). With `accept`, only the free pupils it accepts (those the killed
   * process serves); `onEnd` hears each of these cycles' result. Returns how many were launched (fewer when fewer such
   * pupils are free).
   */
  salvo(count: number, stats: PhaseStats, accept: (pupil: Pupil) => boolean = () => true, onEnd?: (pupil: Pupil, result: CycleResult) => void): number {
    let launched = 0;
    for (let i = 0; launched < count && i < this.free.length; ) {
      const pupil = this.free[i];
      if (!accept(pupil)) {
        i++;
        continue;
      }
      this.free.splice(i, 1);
      const now = performance.now();
      stats.arrivals++;
      stats.lateness.push(0);
      void this.launch(pupil, now, [stats], 0, onEnd);
      launched++;
    }
    return launched;
  }

  /** The free pupils, those who have waited longest first (a copy: the fault bench picks its salvo's pupils from it). */
  freeList(): Pupil[] {
    return [...this.free];
  }

  private interval(rate: number): number {
    return (-Math.log(1 - this.random()) / rate) * 1000;
  }

  private launch(pupil: Pupil, intendedStart: number, targets: PhaseStats[], lateMs: number, onEnd?: (pupil: Pupil, result: CycleResult) => void): Promise<void> {
    const work = (async () => {
      if (pupil.needsArrival) {
        // The previous reload failed: this arrival reloads the page first (counted in its time).
        try {
          await pupil.arrive(this.context);
        } catch (error) {
          for (const stats of targets) count(stats, reloadFailure(error));
          if (!pupil.isDone) this.free.push(pupil);
          return;
        }
      }
      let result: CycleResult;
      try {
        result = await pupil.cycle(this.context, intendedStart);
      } catch (error) {
        result = { ok: false, error: String(error), ms: performance.now() - intendedStart, requests: 0, retries: 0 };
      }
      this.onCycle?.({ at: performance.timeOrigin + intendedStart, ms: result.ms, lateMs, ok: result.ok });
      onEnd?.(pupil, result);
      for (const stats of targets) {
        stats.requests += result.requests;
        stats.retries += result.retries;
        stats.gateRefusals += result.gateRefusals ?? 0;
        for (const cause of result.resendCauses ?? []) stats.resendCauses.set(cause, (stats.resendCauses.get(cause) ?? 0) + 1);
        if (result.acknowledged) stats.acknowledged.push(result.acknowledged);
        if (result.ok) {
          stats.ok++;
          stats.latencies.push(result.ms);
        } else count(stats, result.error ?? "erreur");
      }
      // A reload after an error, or the next campaign after an end: the pupil stays busy meanwhile (a failed
      // reload is tried again at the pupil's next arrival).
      if (pupil.needsArrival && !pupil.isDone) await pupil.arrive(this.context).catch(() => undefined);
      if (!pupil.isDone) this.free.push(pupil);
    })();
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }

  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}

/**
 * A failed reload, with why: the client gave up (timeout, network) or what the page showed instead of a question
 * (pupil.ts's « arrivée impossible : {state} »), so that a run tells overload from a broken page.
 */
export function reloadFailure(error: unknown): string {
  if (error instanceof HttpError) return `rechargement impossible (${error.kind})`;
  const text = error instanceof Error ? error.message : String(error);
  const shown = /^arrivée impossible : (.*)$/s.exec(text);
  if (!shown) return `rechargement impossible (${text})`;
  try {
    const state = JSON.parse(shown[1]) as { kind?: string; message?: string };
    return `rechargement impossible (${state.kind === "error" && state.message ? state.message : `page ${state.kind}`})`;
  } catch {
    return `rechargement impossible (${shown[1]})`;
  }
}
