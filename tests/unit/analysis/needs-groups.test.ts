import { describe, expect, it } from "vitest";
import { automaticGroupCount, clusterPoints, distanceMatrix, separationSentence, silhouette } from "@/lib/domain/analysis/needs-clustering";
import { formNeedsGroups, type PupilMastery } from "@/lib/domain/analysis/needs-groups";

const SUBJECTS = ["Tableur", "Courriel", "Mots de passe", "Recherche"];

/** Pupils around given profiles, with a little spread that differs per pupil (no randomness). */
function pupilsAround(profiles: number[][], perProfile: number, firstId = 1): PupilMastery[] {
  const pupils: PupilMastery[] = [];
  profiles.forEach((profile, p) => {
    for (let i = 0; i < perProfile; i++) {
      const id = firstId + p * perProfile + i;
      pupils.push({ participationId: id, mastery: profile.map((m, s) => Math.min(1, Math.max(0, m + (((id * 7 + s * 3) % 5) - 2) * 0.02))) });
    }
  });
  return pupils;
}

const THREE_PROFILES = [
  [0.1, 0.9, 0.9, 0.8], // weak in spreadsheets
  [0.9, 0.1, 0.2, 0.9], // weak in e-mail and passwords
  [0.9, 0.9, 0.9, 0.1], // weak in searching
];

describe("needs groups", () => {
  it("finds three groups when the class has three profiles, and names the weakest subjects of each", () => {
    const grouping = formNeedsGroups({ pupils: pupilsAround(THREE_PROFILES, 5), subjectTitles: SUBJECTS, requestedGroupCount: null, moves: new Map() });
    expect(grouping.automaticGroupCount).toBe(3);
    expect(grouping.groupCount).toBe(3);
    expect(grouping.silhouette).toBeGreaterThan(0.5);
    const weakest = grouping.groups.map((g) => SUBJECTS[g.weakestSubjects[0].subjectIndex]).sort();
    expect(weakest).toEqual(["Courriel", "Recherche", "Tableur"]);
    // Pupils 1..5 share a profile: one group holds them all.
    const groupOfFirst = grouping.groups.find((g) => g.members.some((m) => m.participationId === 1))!;
    expect(groupOfFirst.members.map((m) => m.participationId)).toEqual([1, 2, 3, 4, 5]);
    expect(groupOfFirst.weakestSubjects[0].mastery).toBeCloseTo(0.1, 1);
  });

  it("numbers groups from the lowest mean mastery up", () => {
    const grouping = formNeedsGroups({ pupils: pupilsAround([[0.9, 0.9, 0.9, 0.9], [0.1, 0.1, 0.2, 0.1]], 4), subjectTitles: SUBJECTS, requestedGroupCount: 2, moves: new Map() });
    expect(grouping.groups[0].meanMastery).toBeLessThan(grouping.groups[1].meanMastery);
    expect(grouping.groups[0].members.map((m) => m.participationId)).toEqual([5, 6, 7, 8]);
  });

  it("gives the same groups for the same data, whatever the order the pupils come in", () => {
    const pupils = pupilsAround(THREE_PROFILES, 7);
    const first = formNeedsGroups({ pupils, subjectTitles: SUBJECTS, requestedGroupCount: 4, moves: new Map() });
    const shuffled = [...pupils].reverse();
    const second = formNeedsGroups({ pupils: shuffled, subjectTitles: SUBJECTS, requestedGroupCount: 4, moves: new Map() });
    expect(second).toEqual(first);
  });

  it("follows the teacher's number of groups, within what the results allow", () => {
    const pupils = pupilsAround(THREE_PROFILES, 5);
    expect(formNeedsGroups({ pupils, subjectTitles: SUBJECTS, requestedGroupCount: 2, moves: new Map() }).groupCount).toBe(2);
    // Four pupils allow at most three groups (a silhouette needs fewer groups than pupils).
    const four = formNeedsGroups({ pupils: pupils.slice(0, 4).concat(pupils.slice(10, 11)).slice(0, 4), subjectTitles: SUBJECTS, requestedGroupCount: 6, moves: new Map() });
    expect(four.maxGroupCount).toBe(3);
    expect(four.groupCount).toBeLessThanOrEqual(3);
  });

  it("keeps a moved pupil in the group the teacher chose and recomputes that group's subjects", () => {
    const pupils = pupilsAround(THREE_PROFILES, 5);
    const before = formNeedsGroups({ pupils, subjectTitles: SUBJECTS, requestedGroupCount: 3, moves: new Map() });
    const from = before.groups.find((g) => g.members.some((m) => m.participationId === 1))!;
    const to = before.groups.find((g) => g !== from)!;
    const after = formNeedsGroups({ pupils, subjectTitles: SUBJECTS, requestedGroupCount: 3, moves: new Map([[1, to.number]]) });
    const target = after.groups[to.number - 1];
    expect(target.members).toContainEqual({ participationId: 1, isMoved: true });
    expect(after.groups[from.number - 1].members.map((m) => m.participationId)).not.toContain(1);
    expect(target.weakestSubjects).not.toEqual(to.weakestSubjects);
    // A move to a group that no longer exists (fewer groups chosen since) is ignored.
    const ignored = formNeedsGroups({ pupils, subjectTitles: SUBJECTS, requestedGroupCount: 2, moves: new Map([[1, 6]]) });
    expect(ignored.groups.flatMap((g) => g.members).find((m) => m.participationId === 1)?.isMoved).toBe(false);
  });

  it("makes one group when every pupil has the same results", () => {
    const same = [1, 2, 3, 4, 5].map((id) => ({ participationId: id, mastery: [0.5, 0.5, 0.5, 0.5] }));
    const grouping = formNeedsGroups({ pupils: same, subjectTitles: SUBJECTS, requestedGroupCount: 4, moves: new Map() });
    expect(grouping.groupCount).toBe(1);
    expect(grouping.silhouette).toBeNull();
    expect(grouping.groups[0].members).toHaveLength(5);
  });

  it("leaves mastered subjects out of a group's subjects to work", () => {
    const pupils = [1, 2, 3, 4].map((id) => ({ participationId: id, mastery: id <= 2 ? [1, 1, 0.5, 1] : [0, 0, 0, 0] }));
    const grouping = formNeedsGroups({ pupils, subjectTitles: SUBJECTS, requestedGroupCount: 2, moves: new Map() });
    const strong = grouping.groups[1];
    expect(strong.weakestSubjects).toEqual([{ subjectIndex: 2, mastery: 0.5 }]);
    // Ties at 0 %: first the subjects where the other pupils do best (this group's own needs), then the parcours' order.
    expect(grouping.groups[0].weakestSubjects.map((s) => s.subjectIndex)).toEqual([0, 1, 3]);
  });

  it("breaks ties between equally weak subjects by what sets the group apart, not by the subjects' names", () => {
    // SUBJECTS = Tableur, Courriel, Mots de passe, Recherche. Group A misses Tableur and Courriel, group B misses
    // Courriel and Mots de passe: Courriel is weak everywhere; each group's own need is the other one.
    const pupils = [
      ...[1, 2, 3].map((id) => ({ participationId: id, mastery: [0, 0, 1, 1] })),
      ...[4, 5, 6].map((id) => ({ participationId: id, mastery: [1, 0, 0, 1] })),
    ];
    const grouping = formNeedsGroups({ pupils, subjectTitles: SUBJECTS, requestedGroupCount: 2, moves: new Map() });
    const groupOf = (id: number) => grouping.groups.find((g) => g.members.some((m) => m.participationId === id))!;
    expect(groupOf(1).weakestSubjects.map((s) => SUBJECTS[s.subjectIndex])).toEqual(["Tableur", "Courriel"]);
    expect(groupOf(4).weakestSubjects.map((s) => SUBJECTS[s.subjectIndex])).toEqual(["Mots de passe", "Courriel"]);
  });
});

describe("needs clustering", () => {
  it("computes the silhouette of a textbook case", () => {
    // Two points at 0 and 1, two at 10 and 11: a = 1, b = 10 (mean) → s = 1 − a/b for each point.
    const points = [[0], [1], [10], [11]];
    const value = silhouette(distanceMatrix(points), [0, 0, 1, 1])!;
    const perPoint = [1 - 1 / 10.5, 1 - 1 / 9.5, 1 - 1 / 9.5, 1 - 1 / 10.5];
    expect(value).toBeCloseTo(perPoint.reduce((a, b) => a + b) / 4, 10);
    expect(silhouette(distanceMatrix(points), [0, 0, 0, 0])).toBeNull();
  });

  it("picks two groups for two clear profiles", () => {
    const points = [[0, 0], [0.05, 0], [0, 0.05], [1, 1], [0.95, 1], [1, 0.95]];
    expect(automaticGroupCount(points)).toBe(2);
    expect(clusterPoints(points, 2)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it("says in one sentence how well groups separate", () => {
    expect(separationSentence(0.62)).toMatch(/^Les groupes sont nettement séparés .*0,62/);
    expect(separationSentence(0.3)).toMatch(/^Les groupes sont assez bien séparés/);
    expect(separationSentence(0.1)).toMatch(/^Les groupes sont peu séparés/);
    expect(separationSentence(null)).toMatch(/^Un seul groupe/);
  });
});
