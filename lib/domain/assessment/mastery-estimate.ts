import { directAnswersOf, latestKnowledgeElementBySkillId } from "./latest-knowledge-elements";
import { uniqueById } from "./ids";
import { levelStandardError, predictLevel } from "./level-estimate";
import type { EngineSkill, KnowledgeElementInput } from "./types";

export type MasteryEstimate = {
  validatedCount: number;
  totalCount: number;
  /** validated / total, 0..1: the campaign result. */
  masteryRate: number;
  /** Target skills with no knowledge element: the engine judged them not worth asking, or the test stopped early. */
  untestedCount: number;
  /** What the rate could be if the untested skills went either way: from all failed to all mastered. */
  masteryRange: { low: number; high: number };
  /** Level (0.5–7.5) that best fits the direct answers, as the engine predicts it. */
  levelEstimate: number;
  /** Standard error of that level: how uncertain the estimate still is. */
  levelStandardError: number;
};

/**
 * The result of a campaign assessment with its uncertainty. Reads only the latest element per target
 * skill (reused profile included), so it gives the same figure live and on the snapshot taken at sharing.
 */
export function masteryEstimate(input: {
  targetSkills: readonly EngineSkill[];
  knowledgeElements: readonly KnowledgeElementInput[];
}): MasteryEstimate {
  const targetSkills = uniqueById(input.targetSkills);
  const latest = latestKnowledgeElementBySkillId(input.knowledgeElements, targetSkills);
  const totalCount = targetSkills.length;
  const validatedCount = [...latest.values()].filter((element) => element.status === "VALIDATED").length;
  const untestedCount = totalCount - latest.size;
  const share = (count: number) => (totalCount === 0 ? 0 : count / totalCount);

  const directAnswers = directAnswersOf(latest, targetSkills);
  const levelEstimate = predictLevel(directAnswers);
  return {
    validatedCount,
    totalCount,
    masteryRate: share(validatedCount),
    untestedCount,
    masteryRange: { low: share(validatedCount), high: share(validatedCount + untestedCount) },
    levelEstimate,
    levelStandardError: levelStandardError(levelEstimate, directAnswers),
  };
}
