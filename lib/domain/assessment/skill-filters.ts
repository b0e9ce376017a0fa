import type { SelectionContext } from "./selection-strategy";
import type { EngineSkill, EngineTube } from "./types";

/** A tube whose target skills stop at this level is "easy": it is played first to put the pupil at ease. */
export const MAX_LEVEL_OF_EASY_TUBE = 3;
/** The first question is of this level: neither discouraging nor trivial. */
export const FIRST_QUESTION_LEVEL = 2;

/** Keeps the skills of easy tubes when there are some, otherwise everything. */
export function keepEasyTubesFirst(skills: readonly EngineSkill[], tubes: readonly EngineTube[]): readonly EngineSkill[] {
  const easyTubeIds = new Set(tubes.filter((tube) => tube.maxLevel <= MAX_LEVEL_OF_EASY_TUBE).map((tube) => tube.id));
  const fromEasyTubes = skills.filter((skill) => easyTubeIds.has(skill.tubeId));
  return fromEasyTubes.length > 0 ? fromEasyTubes : skills;
}

/** Skills of the first-question level, or else of the lowest level available. */
export function keepFirstQuestionLevel(skills: readonly EngineSkill[]): readonly EngineSkill[] {
  const atDefault = skills.filter((skill) => skill.level === FIRST_QUESTION_LEVEL);
  if (atDefault.length > 0 || skills.length === 0) return atDefault;
  const lowest = Math.min(...skills.map((skill) => skill.level));
  return skills.filter((skill) => skill.level === lowest);
}

/** The untested skills of a tube (no knowledge element yet, whatever its source). */
export function untestedSkillsOf(tube: EngineTube, context: SelectionContext): EngineSkill[] {
  return tube.skills.filter((skill) => !context.knowledgeElementBySkillId.has(skill.id));
}

/** Keeps the skills with the highest score; ties are kept for the seed to decide. Scores ≤ 0 are dropped. */
export function keepHighestScores(skills: readonly EngineSkill[], score: (skill: EngineSkill) => number): EngineSkill[] {
  const TOLERANCE = 1e-12;
  let best = -Infinity;
  let kept: EngineSkill[] = [];
  for (const skill of skills) {
    const value = score(skill);
    if (!(value > 0)) continue;
    if (value > best + TOLERANCE) {
      best = value;
      kept = [skill];
    } else if (value >= best - TOLERANCE) {
      kept.push(skill);
    }
  }
  return kept;
}
