import { uniqueById } from "./ids";
import { latestKnowledgeElementBySkillId } from "./latest-knowledge-elements";
import type { EngineSkill, KnowledgeElementInput } from "./types";

/**
 * Share (0..1) of the target skills already assessed, for "Vous avez effectué X % de votre parcours"
 * and the export's "% de progression". A finished assessment is at 1 even when the engine left
 * skills untested: the pupil has nothing left to do. A MODEL element left by an earlier test is not an
 * assessment (the engine may still ask the skill). Callers round for display.
 */
export function progression(input: {
  targetSkills: readonly EngineSkill[];
  knowledgeElements: readonly KnowledgeElementInput[];
  isCompleted: boolean;
}): number {
  if (input.isCompleted) return 1;
  const targetSkills = uniqueById(input.targetSkills);
  if (targetSkills.length === 0) return 0;
  const evidence = input.knowledgeElements.filter((element) => element.source !== "MODEL");
  const assessed = latestKnowledgeElementBySkillId(evidence, targetSkills).size;
  return assessed / targetSkills.length;
}
