import type { ParsedContent } from "./validate-content";

export type ContentStats = {
  areas: number;
  competences: number;
  tubes: number;
  skills: number;
  challenges: number;
  challengesByType: Record<string, number>;
  timedChallenges: number;
  challengesWithMedia: number;
  tutorials: number;
  internalTutorials: number;
  targetProfiles: number;
  targetProfilesByCategory: Record<string, number>;
  /** Parcours offered to each kind of establishment. */
  targetProfilesByEstablishmentKind: Record<string, number>;
  minTubesPerCompetence: number;
};

function countBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) for (const key of keys(item)) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

export function computeContentStats(content: ParsedContent): ContentStats {
  const tubes = content.competences.flatMap((c) => c.tubes);
  const skills = tubes.flatMap((t) => t.skills);
  const challenges = skills.flatMap((s) => s.challenges);
  const tutorials = content.competences.flatMap((c) => c.tutorials);
  const challengesByType: Record<string, number> = {};
  for (const c of challenges) challengesByType[c.type] = (challengesByType[c.type] ?? 0) + 1;
  return {
    areas: content.framework.areas.length,
    competences: content.competences.length,
    tubes: tubes.length,
    skills: skills.length,
    challenges: challenges.length,
    challengesByType,
    timedChallenges: challenges.filter((c) => c.timer !== undefined).length,
    challengesWithMedia: challenges.filter((c) => c.illustration || (c.attachments?.length ?? 0) > 0).length,
    tutorials: tutorials.length,
    internalTutorials: tutorials.filter((t) => t.page).length,
    targetProfiles: content.targetProfiles.length,
    targetProfilesByCategory: countBy(content.targetProfiles, (p) => [p.category]),
    targetProfilesByEstablishmentKind: countBy(content.targetProfiles, (p) => p.establishmentKinds),
    minTubesPerCompetence: Math.min(...content.competences.map((c) => c.tubes.length)),
  };
}
