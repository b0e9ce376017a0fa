import type { EngineChallenge, EngineSkill, EngineTube } from "./types";

/**
 * Groups the target skills that have at least one challenge into tubes, easiest skill first.
 * Skills without any challenge are left out: they can neither be asked nor make a tube look harder.
 * Tubes come in order of first appearance, so the result does not depend on a Map's internals.
 */
export function tubesOfPlayableContent(targetSkills: readonly EngineSkill[], challenges: readonly EngineChallenge[]): EngineTube[] {
  const skillIdsWithChallenge = new Set(challenges.map((challenge) => challenge.skillId));
  const skillsByTubeId = new Map<string, EngineSkill[]>();
  for (const skill of targetSkills) {
    if (!skillIdsWithChallenge.has(skill.id)) continue;
    const skills = skillsByTubeId.get(skill.tubeId) ?? [];
    if (!skills.some((known) => known.id === skill.id)) skills.push(skill);
    skillsByTubeId.set(skill.tubeId, skills);
  }
  return [...skillsByTubeId].map(([id, skills]) => {
    const sorted = [...skills].sort((a, b) => a.level - b.level);
    return { id, skills: sorted, maxLevel: sorted[sorted.length - 1].level };
  });
}
