import type { EngineParameters } from "./engine-parameters";
import { latestKnowledgeElementBySkillId } from "./latest-knowledge-elements";
import { masteryPosterior, type MasteryPosterior } from "./mastery-posterior";
import { knowledgeElementsFromPosterior } from "./model-knowledge-elements";
import { observationsOf, type AnsweredChallenge } from "./observations";
import { uniqueById } from "./ids";
import type { EngineSkill, KnowledgeElementInput } from "./types";

export type ResultAtCompletion = {
  posterior: MasteryPosterior;
  /** MODEL elements for the target skills the test did not reach (model-knowledge-elements.ts). */
  modelElements: KnowledgeElementInput[];
};

/**
 * What the end of a campaign assessment adds: the posterior of the mastery rate from every direct answer
 * (this assessment's, reused DIRECT elements for the others), and the MODEL elements that make the
 * validated count agree with it. The same whatever strategy chose the questions.
 */
export function resultAtCompletion(input: {
  targetSkills: readonly EngineSkill[];
  /** Latest element per skill: reused profile, then this assessment (later wins). */
  knowledgeElements: readonly KnowledgeElementInput[];
  answers: readonly AnsweredChallenge[];
  parameters: EngineParameters;
}): ResultAtCompletion {
  const targetSkills = uniqueById(input.targetSkills);
  const evidence = latestKnowledgeElementBySkillId(
    input.knowledgeElements.filter((element) => element.source !== "MODEL"),
    targetSkills,
  );
  const targetIds = new Set(targetSkills.map((skill) => skill.id));
  const observations = observationsOf({ answers: input.answers.filter((answer) => targetIds.has(answer.skillId)), latestBySkillId: evidence });
  const posterior = masteryPosterior({ targetSkills, observations, parameters: input.parameters });
  return { posterior, modelElements: knowledgeElementsFromPosterior({ targetSkills, knowledgeElements: input.knowledgeElements, posterior }) };
}
