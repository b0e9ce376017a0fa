/** `rows` sorted as their ids come in `ids` (rows whose id is not listed come last, in their own order). */
export function inOrderOf<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const rank = new Map(ids.map((id, index) => [id, index] as const));
  return [...rows].sort((a, b) => (rank.get(a.id) ?? ids.length) - (rank.get(b.id) ?? ids.length));
}
