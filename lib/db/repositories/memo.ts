export type Memo<K, V> = ((key: K, loadOnMiss?: (key: K) => Promise<V>) => Promise<V>) & {
  /** Puts a value read in bulk (the start's warm-up, answer-warm-up.ts), as if it had just been loaded. */
  prime: (key: K, value: V) => void;
};

type Entry<V> = { at: number; value: V } | { at: number; pending: Promise<V> };

/** Every memo's entries, for `clearMemos`. */
const everyMemo = new Set<Map<unknown, unknown>>();

/**
 * Forgets every memo's values (the integration tests empty the database between tests, and its ids start again at 1:
 * a campaign's content kept by id would be another test's campaign).
 */
export function clearMemos(): void {
  for (const entries of everyMemo) entries.clear();
}

/**
 * A value per key kept `ttlMs` in memory. `loadOnMiss`: another way to read the same value on a miss (the answer
 * path's, within its deadline). Single-flight: while a read is under way its promise is kept, so that many requests
 * missing the same key together wait for one read.
 *
 * Once read, the value itself is kept, never the promise: a promise created during a request carries that request's
 * AsyncLocalStorage stores (Next's: the IncomingMessage, its response, its render state), so a memory of promises
 * kept one request alive per key for as long as the key stayed (heap snapshots of the soak, bench/RESULTS.md).
 */
export function memo<K, V>(load: (key: K) => Promise<V>, ttlMs: number, max = 20_000): Memo<K, V> {
  const entries = new Map<K, Entry<V>>();
  everyMemo.add(entries as Map<unknown, unknown>);
  const keep = (key: K, entry: Entry<V>) => {
    // Bounded: content is a few thousand rows; a flood of unknown keys must not grow the map forever.
    if (entries.size >= max && !entries.has(key)) entries.clear();
    entries.set(key, entry);
  };
  const prime = (key: K, value: V) => keep(key, { at: Date.now(), value });
  return Object.assign((key: K, loadOnMiss: (key: K) => Promise<V> = load) => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return "pending" in hit ? hit.pending : Promise.resolve(hit.value);
    const pending = loadOnMiss(key);
    const entry = { at: Date.now(), pending };
    keep(key, entry);
    // Only if this read is still the key's latest (a prime or a newer read may have replaced it); nulls are not kept.
    const settle = (value: V | null) => {
      if (entries.get(key) !== entry) return;
      if (value === null) entries.delete(key);
      else entries.set(key, { at: entry.at, value });
    };
    pending.then(settle, () => settle(null));
    return pending;
  }, { prime });
}
