import type { EngineSkill } from "./types";

/**
 * The level a parcours is written for: the mean, over its tubes, of the highest target level of the tube.
 * A rentrée 5e parcours (tubes capped at 2) gives 2, a post-bac one about 4.8. The engine centres its prior
 * on the pupil's general level here (plus a calibrated offset): a parcours is chosen for its pupils.
 */
export function referenceLevel(targetSkills: readonly EngineSkill[]): number {
  const highestByTube = new Map<string, number>();
  for (const skill of targetSkills) highestByTube.set(skill.tubeId, Math.max(highestByTube.get(skill.tubeId) ?? 0, skill.level));
  if (highestByTube.size === 0) return 0;
  let total = 0;
  for (const level of highestByTube.values()) total += level;
  return total / highestByTube.size;
}
