export type Memo<K, V> = ((key: K, loadOnMiss?: (key: K) => Promise<V>) => Promise<V>) & {
  /** Puts a value read in bulk (the start's warm-up, answer-warm-up.ts), as if it had just been loaded. */
  prime: (key: K, value: V) => void;
};

/**
 * A value per key kept `ttlMs` in memory. `loadOnMiss`: another way to read the same value on a miss (the answer
 * path's, within its deadline). Single-flight: the promise is kept at once, so that many requests missing the same
 * key together wait for one read.
 */
export function memo<K, V>(load: (key: K) => Promise<V>, ttlMs: number, max = 20_000): Memo<K, V> {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  const prime = (key: K, value: V) => {
    if (entries.size >= max) entries.clear();
    entries.set(key, { at: Date.now(), value: Promise.resolve(value) });
  };
  return Object.assign((key: K, loadOnMiss: (key: K) => Promise<V> = load) => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    // Bounded: content is a few thousand rows; a flood of unknown keys must not grow the map forever.
    if (entries.size >= max) entries.clear();
    const value = loadOnMiss(key);
    entries.set(key, { at: Date.now(), value });
    value.then((v) => v === null && entries.delete(key), () => entries.delete(key));
    return value;
  }, { prime });
}
