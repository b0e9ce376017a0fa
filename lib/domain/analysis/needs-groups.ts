/**
 * Needs groups (« Groupes de besoins »): the teacher's plan of work after a campaign. Pupils are grouped on their
 * mastery of each subject (needs-clustering.ts), the teacher's moves are applied on top, then each group gets the
 * subjects where it is weakest. Pure: the same pupils, choice and moves always give the same page.
 */
import { clusterPoints, distanceMatrix, MAX_GROUPS, MIN_GROUPS, searchGroupCounts, silhouette } from "./needs-clustering";

/** Subjects shown per group: its weakest ones, at most this many. */
export const WEAKEST_SUBJECTS_PER_GROUP = 3;

export interface PupilMastery {
  participationId: number;
  /** Mastery of each subject (0..1), in the order of the subjects given with the pupils. */
  mastery: readonly number[];
}

export interface NeedsGroup {
  /** 1..groupCount; group 1 has the lowest mean mastery (the most to work on). */
  number: number;
  members: { participationId: number; isMoved: boolean }[];
  /** Indexes into the subjects, weakest first, with the group's mean mastery (0..1). */
  weakestSubjects: { subjectIndex: number; mastery: number }[];
  meanMastery: number;
}

export interface NeedsGrouping {
  groupCount: number;
  automaticGroupCount: number;
  /** The highest number of groups these results allow (the choices offered: 2..this). */
  maxGroupCount: number;
  /** Mean silhouette of the groups shown (moves included); null with fewer than two non-empty groups. */
  silhouette: number | null;
  groups: NeedsGroup[];
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/**
 * @param pupils the counted results, in canonical order (participation id ascending: same data, same groups)
 * @param requestedGroupCount the teacher's choice (2..6), null for the data's choice
 * @param moves participation id → group number the teacher chose; moves to a group that no longer exists are ignored
 */
export function formNeedsGroups(input: {
  pupils: readonly PupilMastery[];
  subjectTitles: readonly string[];
  requestedGroupCount: number | null;
  moves: ReadonlyMap<number, number>;
}): NeedsGrouping {
  const pupils = [...input.pupils].sort((a, b) => a.participationId - b.participationId);
  const points = pupils.map((p) => p.mastery);
  const distances = distanceMatrix(points);
  const search = searchGroupCounts(points, distances);
  const automatic = search.best;
  const allowed = search.max;
  const requested = input.requestedGroupCount === null ? automatic : Math.min(Math.max(input.requestedGroupCount, MIN_GROUPS), MAX_GROUPS);
  const k = Math.min(requested, allowed);
  const clusters = search.byCount.get(k)?.clusters ?? clusterPoints(points, k, search.distinct);
  // Number the clusters by mean mastery, weakest first (ties: the cluster met first in the canonical order).
  const clusterIds = [...new Set(clusters)];
  const clusterMean = new Map(clusterIds.map((c) => [c, mean(pupils.filter((_, i) => clusters[i] === c).map((p) => mean(p.mastery)))]));
  const ordered = [...clusterIds].sort((a, b) => clusterMean.get(a)! - clusterMean.get(b)! || a - b);
  const numberOf = new Map(ordered.map((c, index) => [c, index + 1]));
  const groupCount = Math.max(ordered.length, 1);
  const assignment = pupils.map((p, i) => {
    const moved = input.moves.get(p.participationId);
    return moved !== undefined && moved >= 1 && moved <= groupCount && moved !== numberOf.get(clusters[i])
      ? { number: moved, isMoved: true }
      : { number: numberOf.get(clusters[i]) ?? 1, isMoved: false };
  });
  const groups: NeedsGroup[] = [];
  for (let number = 1; number <= groupCount; number++) {
    const indexes = assignment.flatMap((a, i) => (a.number === number ? [i] : []));
    const others = pupils.flatMap((_, i) => (assignment[i].number === number ? [] : [i]));
    const subjectMastery = input.subjectTitles.map((_, s) => mean(indexes.map((i) => pupils[i].mastery[s])));
    // Equally weak subjects (often several at 0 %): first those the other pupils master best — what this group
    // needs more than the rest of the class — then the parcours' order. Never the subjects' names.
    const gapToOthers = (s: number) => (others.length === 0 ? 0 : subjectMastery[s] - mean(others.map((i) => pupils[i].mastery[s])));
    const weakestSubjects = subjectMastery
      .map((mastery, subjectIndex) => ({ subjectIndex, mastery }))
      .filter((s) => s.mastery < 1)
      .sort((a, b) => a.mastery - b.mastery || gapToOthers(a.subjectIndex) - gapToOthers(b.subjectIndex) || a.subjectIndex - b.subjectIndex)
      .slice(0, WEAKEST_SUBJECTS_PER_GROUP);
    groups.push({
      number,
      members: indexes.map((i) => ({ participationId: pupils[i].participationId, isMoved: assignment[i].isMoved })),
      weakestSubjects: indexes.length === 0 ? [] : weakestSubjects,
      meanMastery: mean(indexes.map((i) => mean(pupils[i].mastery))),
    });
  }
  return {
    groupCount,
    automaticGroupCount: automatic,
    maxGroupCount: allowed,
    silhouette: silhouette(distances, assignment.map((a) => a.number)),
    groups,
  };
}
