import { ENGINE_PARAMETERS, type EngineParameters } from "./engine-parameters";
import { knowledgeElementsForAnswer } from "./knowledge-elements-for-answer";
import { knowledgeElementsForRecheck } from "./knowledge-elements-for-recheck";
import { latestKnowledgeElementBySkillId } from "./latest-knowledge-elements";
import type { AnsweredChallenge } from "./observations";
import { resultAtCompletion, type ResultAtCompletion } from "./result-at-completion";
import { selectNextChallenge, type LastAnswer, type NextChallenge } from "./select-next-challenge";
import { strategyForCampaign, type AssessmentMethod } from "./strategy-for-campaign";
import type { AnswerResult, EngineChallenge, EngineSkill, KnowledgeElementInput } from "./types";

/**
 * The elements an answer appends: a first answer on a skill settles it and its tube's neighbours
 * (knowledgeElementsForAnswer); a second one is a re-check (knowledgeElementsForRecheck). MODEL elements
 * are not knowledge the engine reuses: a skill that only has one is answered as untested.
 */
export function elementsForAnswer(input: {
  answeredSkill: EngineSkill;
  result: AnswerResult;
  targetSkills: readonly EngineSkill[];
  /** Latest element per skill before this answer: reused profile, then this assessment. */
  knownElements: readonly KnowledgeElementInput[];
  /** This assessment's answers before this one. */
  previousAnswers: readonly AnsweredChallenge[];
}): KnowledgeElementInput[] {
  const { answeredSkill, result, targetSkills, knownElements } = input;
  if (input.previousAnswers.some((answer) => answer.skillId === answeredSkill.id)) {
    return knowledgeElementsForRecheck({ answeredSkill, result, targetSkills, latestBySkillId: latestKnowledgeElementBySkillId(knownElements, targetSkills) });
  }
  const alreadyKnownSkillIds = knownElements.filter((element) => element.source !== "MODEL").map((element) => element.skillId);
  return knowledgeElementsForAnswer({ answeredSkill, result, targetSkills, alreadyKnownSkillIds });
}

export type AssessmentStep = Exclude<NextChallenge, { kind: "end" }> | { kind: "end"; completion: ResultAtCompletion };

/**
 * What follows an answer (or the start of an assessment): the next question chosen by the campaign's
 * engine, or the end with its result (posterior and MODEL elements, result-at-completion.ts).
 */
export function assessmentStep(input: {
  seed: string;
  targetSkills: readonly EngineSkill[];
  challenges: readonly EngineChallenge[];
  /** Latest element per skill, this assessment's newest included (later wins). */
  knowledgeElements: readonly KnowledgeElementInput[];
  /** This assessment's answers, in order, the last one included. */
  answers: readonly AnsweredChallenge[];
  lastAnswer: LastAnswer | null;
  method: AssessmentMethod;
  precisionTarget: number;
  parameters?: EngineParameters;
}): AssessmentStep {
  const next = selectNextChallenge({
    targetSkills: input.targetSkills,
    challenges: input.challenges,
    knowledgeElements: input.knowledgeElements,
    answeredChallengeIds: input.answers.map((answer) => answer.challengeId),
    answers: input.answers,
    lastAnswer: input.lastAnswer,
    seed: input.seed,
    strategy: strategyForCampaign(input.method, input.precisionTarget),
  });
  if (next.kind !== "end") return next;
  const completion = resultAtCompletion({
    targetSkills: input.targetSkills,
    knowledgeElements: input.knowledgeElements,
    answers: input.answers,
    parameters: input.parameters ?? ENGINE_PARAMETERS,
  });
  return { kind: "end", completion };
}
