import type { AnswerResult, EngineSkill, KnowledgeElementInput } from "./types";

export type KnowledgeElementsForAnswerInput = {
  /** The skill tested by the answered challenge. */
  answeredSkill: EngineSkill;
  result: AnswerResult;
  /** The campaign's skills: nothing outside them is ever written. */
  targetSkills: readonly EngineSkill[];
  /** Skills that already have an element that counts: from this assessment or reused from the profile. */
  alreadyKnownSkillIds: Iterable<string>;
};

/**
 * The knowledge elements to append after an answer.
 *
 * Skills of a tube are ordered by level, so one answer says something about its neighbours:
 * a success shows the easier skills are mastered too, a failure (KO, "Je passe", time out) that the
 * harder ones are not. Only skills not known yet are written: a known skill keeps its element, which
 * is how the profile is reused across campaigns.
 *
 * When the answered skill itself is not a target skill or is already known, nothing is written at all
 * (not even inferences): an answer only informs through the direct element it creates.
 */
export function knowledgeElementsForAnswer(input: KnowledgeElementsForAnswerInput): KnowledgeElementInput[] {
  const { answeredSkill, result, targetSkills } = input;
  const known = new Set(input.alreadyKnownSkillIds);
  const isTarget = targetSkills.some((skill) => skill.id === answeredSkill.id);
  if (!isTarget || known.has(answeredSkill.id)) return [];

  const isValidated = result === "OK";
  const status = isValidated ? "VALIDATED" : "INVALIDATED";
  const direct: KnowledgeElementInput = { skillId: answeredSkill.id, status, source: "DIRECT" };

  const isInferred = (skill: EngineSkill) =>
    skill.tubeId === answeredSkill.tubeId &&
    skill.id !== answeredSkill.id &&
    !known.has(skill.id) &&
    (isValidated ? skill.level < answeredSkill.level : skill.level > answeredSkill.level);

  const inferredIds = new Set<string>();
  const inferred = [...targetSkills]
    .filter(isInferred)
    .filter((skill) => (inferredIds.has(skill.id) ? false : (inferredIds.add(skill.id), true)))
    .sort((a, b) => a.level - b.level)
    .map((skill): KnowledgeElementInput => ({ skillId: skill.id, status, source: "INFERRED" }));

  return [direct, ...inferred];
}
