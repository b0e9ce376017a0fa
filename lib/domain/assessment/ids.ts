/** Helpers on lists of things with an id, so that results never depend on the order callers pass them in. */

/** Sorts by id with a plain code-unit comparison (independent of the locale and of the input order). */
export function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Each id once (a caller may concatenate lists); the first occurrence is kept. */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}
