/**
 * Deterministic choice from a seed (the assessment id): the same assessment always gets the same
 * questions, which makes a run repeatable and a reported problem reproducible, while two pupils of the
 * same campaign (different ids) do not all see the same questions.
 */

/** 32-bit FNV-1a of the UTF-16 code units, then the murmur3 finaliser so that `mod n` uses well-mixed low bits. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** items[hash(key) mod n]; items must already be in a stable order. */
export function pickBySeed<T>(items: readonly T[], key: string): T {
  if (items.length === 0) throw new Error("pickBySeed: nothing to pick from");
  return items[hashString(key) % items.length];
}
