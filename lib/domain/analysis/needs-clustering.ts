/**
 * Needs groups, the clustering part: pupils are points (one coordinate per subject: their mastery of that tube,
 * 0..1), grouped by k-means (ml-kmeans, k-means++ start with a fixed seed, docs/adr/0015-needs-groups.md).
 * Same points in the same order → same groups: the caller orders pupils canonically (participation id).
 * The silhouette (Rousseeuw 1987) says how well groups separate and picks the default number of groups.
 */
import { kmeans } from "ml-kmeans";
import { decimal } from "../shared/french-text";

export const MIN_GROUPS = 2;
export const MAX_GROUPS = 6;
/** Below this many received results, groups would say nothing. */
export const MIN_RESULTS_FOR_GROUPS = 4;
/** Any fixed value: the seed only has to be the same from one reading to the next. */
const SEED = 17;

export type Vector = readonly number[];

/** Euclidean distances between every two points, row by row (symmetric, zero diagonal). */
export function distanceMatrix(points: readonly Vector[]): Float64Array[] {
  const rows = points.map(() => new Float64Array(points.length));
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      let sum = 0;
      for (let d = 0; d < points[i].length; d++) {
        const delta = points[i][d] - points[j][d];
        sum += delta * delta;
      }
      rows[i][j] = rows[j][i] = Math.sqrt(sum);
    }
  }
  return rows;
}

/**
 * Mean silhouette of an assignment (-1..1): for each point, b − a over max(a, b), a its mean distance to its own
 * group, b to the nearest other group; a point alone in its group counts 0. Null with fewer than two groups.
 */
export function silhouette(distances: readonly Float64Array[], assignment: readonly number[]): number | null {
  // Group labels as 0..g-1, so that the O(n²) loop runs on typed arrays (300 pupils: 90,000 distances per k).
  const labels = new Map<number, number>();
  const group = Int32Array.from(assignment, (g) => {
    if (!labels.has(g)) labels.set(g, labels.size);
    return labels.get(g)!;
  });
  const count = labels.size;
  if (count < 2) return null;
  const sizes = new Int32Array(count);
  for (const g of group) sizes[g]++;
  const sums = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < group.length; i++) {
    const own = group[i];
    if (sizes[own] === 1) continue;
    sums.fill(0);
    const row = distances[i];
    for (let j = 0; j < group.length; j++) sums[group[j]] += row[j];
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let g = 0; g < count; g++) if (g !== own) b = Math.min(b, sums[g] / sizes[g]);
    const spread = Math.max(a, b);
    total += spread === 0 ? 0 : (b - a) / spread;
  }
  return total / group.length;
}

/** Number of different points: no more groups than that can be non-empty. */
export function distinctCount(points: readonly Vector[]): number {
  return new Set(points.map((p) => p.join(","))).size;
}

/**
 * k-means with k-means++ start and a fixed seed; groups numbered 0..g-1 by first appearance in the points' order,
 * so the numbering does not depend on the library's internal labels. Empty groups disappear.
 */
export function clusterPoints(points: readonly Vector[], groupCount: number, distinct = distinctCount(points)): number[] {
  const k = Math.min(groupCount, distinct);
  if (k <= 1) return points.map(() => 0);
  const { clusters } = kmeans(points.map((p) => [...p]), k, { initialization: "kmeans++", seed: SEED, maxIterations: 100 });
  const renumbered = new Map<number, number>();
  return clusters.map((label) => {
    if (!renumbered.has(label)) renumbered.set(label, renumbered.size);
    return renumbered.get(label)!;
  });
}

/** Highest number of groups worth proposing for these points (2..6, fewer than the pupils, at most the distinct points). */
export function maxGroupCount(points: readonly Vector[], distinct = distinctCount(points)): number {
  return Math.max(1, Math.min(MAX_GROUPS, points.length - 1, distinct));
}

/**
 * Every number of groups the points allow (2..max), with its clusters and silhouette; `best` is the default: the
 * highest silhouette, the smaller k on a tie (the simpler plan for the teacher); 1 when two groups are impossible.
 */
export function searchGroupCounts(points: readonly Vector[], distances = distanceMatrix(points)) {
  const distinct = distinctCount(points);
  const max = maxGroupCount(points, distinct);
  const byCount = new Map<number, { clusters: number[]; score: number | null }>();
  let best = { k: 1, score: -Infinity };
  for (let k = MIN_GROUPS; k <= max; k++) {
    const clusters = clusterPoints(points, k, distinct);
    const score = silhouette(distances, clusters);
    byCount.set(k, { clusters, score });
    if ((score ?? -Infinity) > best.score + 1e-12) best = { k, score: score ?? -Infinity };
  }
  if (max >= MIN_GROUPS && best.k === 1) best = { k: MIN_GROUPS, score: -Infinity };
  return { max, best: best.k, byCount, distinct };
}

/** The default number of groups (see searchGroupCounts). */
export function automaticGroupCount(points: readonly Vector[], distances = distanceMatrix(points)): number {
  return searchGroupCounts(points, distances).best;
}

/** How well the groups separate, in one plain sentence (thresholds after Kaufman & Rousseeuw). */
export function separationSentence(score: number | null): string {
  if (score === null) return "Un seul groupe : les résultats reçus sont trop semblables pour être répartis.";
  const value = `indice de silhouette ${decimal(score, 2)}, de −1 à 1`;
  if (score >= 0.5) return `Les groupes sont nettement séparés : chaque élève ressemble bien plus à son groupe qu'aux autres (${value}).`;
  if (score >= 0.25) return `Les groupes sont assez bien séparés : la plupart des élèves ressemblent davantage à leur groupe qu'aux autres (${value}).`;
  return `Les groupes sont peu séparés : les profils des élèves sont proches, certains pourraient aller dans un autre groupe (${value}).`;
}
