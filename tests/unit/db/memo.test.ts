import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { memo } from "@/lib/db/repositories/memo";

// A full collection on demand (the flag must be set before the new context asks for `gc`).
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/** Lets the pending callbacks run, then collects twice (weak references are cleared after the collection's end). */
async function collectAll(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    collect();
  }
}

// Next keeps each request (its IncomingMessage, its stores) in AsyncLocalStorage stores: a promise created during a
// request carries them. A memory shared by every request must not keep the request that filled it.
const requestContext = new AsyncLocalStorage<{ request: { url: string; body: number[] } }>();

/** Runs `read` as one request would, and returns a weak reference to that request's store. */
async function duringOneRequest(read: () => Promise<unknown>): Promise<WeakRef<object>> {
  const store = { request: { url: "/campagnes/ABC/evaluation", body: Array.from({ length: 10_000 }, (_, i) => i) } };
  await requestContext.run(store, read);
  return new WeakRef(store);
}

describe("memo: a value kept for every request", () => {
  it("does not keep alive the request whose read filled it", async () => {
    let reads = 0;
    const remember = memo(async (key: string) => ({ key, read: ++reads }), 60_000);
    const request = await duringOneRequest(() => remember("ch-1"));
    await collectAll();
    expect(request.deref() === undefined, "the request's store is still referenced").toBe(true);
    // Still remembered: a later request gets it without a second read.
    expect(await remember("ch-1")).toEqual({ key: "ch-1", read: 1 });
    expect(reads).toBe(1);
  });

  it("does not keep alive the request that primed it", async () => {
    const remember = memo(async (key: string) => ({ key, primed: false }), 60_000);
    const request = await duringOneRequest(async () => remember.prime("ch-2", { key: "ch-2", primed: true }));
    await collectAll();
    expect(request.deref() === undefined, "the request's store is still referenced").toBe(true);
    expect(await remember("ch-2")).toEqual({ key: "ch-2", primed: true });
  });

  it("waits for one read when many requests miss the same key together, and forgets nulls and failures", async () => {
    let reads = 0;
    let release: (value: string | null) => void = () => {};
    const remember = memo((key: string) => { reads++; return new Promise<string | null>((resolve) => { release = resolve; }); }, 60_000);
    const together = [remember("a"), remember("a"), remember("a")];
    release(null);
    expect(await Promise.all(together)).toEqual([null, null, null]);
    expect(reads).toBe(1);
    const again = remember("a");
    release("found");
    expect(await again).toBe("found");
    expect(reads).toBe(2);
    const failing = memo(async (): Promise<string> => { reads++; throw new Error("base indisponible"); }, 60_000);
    await expect(failing("b")).rejects.toThrow("base indisponible");
    await expect(failing("b")).rejects.toThrow("base indisponible");
    expect(reads).toBe(4);
  });
});
