import { predictLevel, successProbability } from "./level-estimate";
import type { SelectionContext, SelectionStrategy } from "./selection-strategy";
import { keepEasyTubesFirst, keepFirstQuestionLevel, keepHighestScores, untestedSkillsOf } from "./skill-filters";
import type { EngineSkill } from "./types";

/** Skills more than this above the predicted level are not asked: a likely failure teaches little and discourages. */
export const MAX_GAP_ABOVE_PREDICTED_LEVEL = 2;

/**
 * Expected number of untested skills of the tube an answer will settle: a success settles the skill
 * and the easier untested ones, a failure the skill and the harder ones (see knowledgeElementsForAnswer).
 */
function expectedSettledSkills(skill: EngineSkill, predictedLevel: number, context: SelectionContext): number {
  const tube = context.tubes.find((candidate) => candidate.id === skill.tubeId);
  if (!tube) return 0;
  const untested = untestedSkillsOf(tube, context);
  const easierOrEqual = untested.filter((other) => other.level <= skill.level).length;
  const harderOrEqual = untested.filter((other) => other.level >= skill.level).length;
  const p = successProbability(predictedLevel, skill.level);
  return p * easierOrEqual + (1 - p) * harderOrEqual;
}

/**
 * The original Pix campaign engine ("smart random"): easy tubes first, a level-2 opening, then the
 * untested skills within reach of the predicted level that settle the most skills on average.
 * The assessment ends when no such skill remains; there is no fixed length.
 */
export const smartRandomStrategy: SelectionStrategy = {
  name: "smart-random",
  chooseCandidateSkills(context) {
    const skills = keepEasyTubesFirst(context.availableSkills, context.tubes);
    if (context.isFirstQuestion) return keepFirstQuestionLevel(skills);

    const predictedLevel = predictLevel(context.directAnswers);
    const withinReach = skills.filter((skill) => skill.level - predictedLevel <= MAX_GAP_ABOVE_PREDICTED_LEVEL);
    return keepHighestScores(withinReach, (skill) => expectedSettledSkills(skill, predictedLevel, context));
  },
};
