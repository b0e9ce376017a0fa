import v8 from "node:v8";
import vm from "node:vm";

/**
 * Memory back to its resting level after a burst (scripts/server.ts; docs/adr/0013-lean-answer-path.md). V8
 * collects its old generation when allocation reaches a limit, and that limit rises during a burst: when the burst
 * ends the process allocates nothing more, no collection comes, and the heap keeps the burst's garbage for good
 * (measured by bench:answers:burst: 298 MB of heap in use 60 s after a burst, 149 MB of it garbage, RSS unchanged).
 * So once the server has been quiet for a while after its heap grew, it collects: a full collection, then another
 * at the next quiet tick, which is what lets V8 hand the freed pages back (RSS follows within seconds).
 * A server under steady traffic never stays quiet that long, and its allocations drive its collections anyway.
 */
export type IdleCollectorOptions = {
  /** Heap reserved by V8 now (process.memoryUsage().heapTotal). */
  heapTotal: () => number;
  /** A full garbage collection. */
  collect: () => void;
  /** Growth of the reserved heap above its level after the last collection that is worth collecting. */
  growthBytes?: number;
  /**
   * Requests in a period that still count as quiet: after a burst, pupils whose answers were refused keep sending
   * them again for a while (backoff up to 15 s); a pause of a full collection costs one of them a few hundred ms.
   */
  quietRequests?: number;
  log?: (line: string) => void;
};

export class IdleCollector {
  private requestsSinceTick = 0;
  private baseline: number;
  private followUp = false;
  private busiest = 0;
  collections = 0;

  /**
   * The resting level is taken when the collector is made (scripts/server.ts: once the app is prepared, before it
   * listens), not at the first quiet period: a server whose first quiet period comes only after a burst (started into
   * traffic, or warmed at a steady rate then hit) would take the burst's heap for its resting level and never collect
   * (review of 07/12, ADR 0013 « 07/12 (22) »). A quiet period with less reserved than that lowers it.
   */
  constructor(private readonly options: IdleCollectorOptions) {
    this.baseline = options.heapTotal();
  }

  /** A request arrived (the server is not idle). */
  touch(): void {
    this.requestsSinceTick++;
  }

  /** Called every quiet period: collects when the whole period had no request and the heap grew (or to follow up). */
  tick(): void {
    // Quiet: a trickle, or a fifth of the busiest period since the last collection (the tail of a burst).
    this.busiest = Math.max(this.busiest, this.requestsSinceTick);
    const quiet = this.requestsSinceTick <= Math.max(this.options.quietRequests ?? 0, Math.floor(this.busiest / 5));
    this.requestsSinceTick = 0;
    if (!quiet) return;
    const heap = this.options.heapTotal();
    if (heap < this.baseline) this.baseline = heap;
    const grown = heap - this.baseline > (this.options.growthBytes ?? 32 * 2 ** 20);
    if (!grown && !this.followUp) return;
    const before = this.options.heapTotal();
    this.options.collect();
    this.collections++;
    this.followUp = grown;
    this.busiest = 0;
    this.baseline = this.options.heapTotal();
    this.options.log?.(`[mémoire] collecte au calme : tas réservé ${Math.round(before / 2 ** 20)} → ${Math.round(this.baseline / 2 ** 20)} Mo`);
  }
}

/** V8's full collection, made available without starting node with --expose-gc (the documented flag, set at runtime). */
export function fullCollection(): () => void {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}
