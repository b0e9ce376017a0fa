import type { DirectAnswer, EngineSkill, KnowledgeElementInput } from "./types";

/**
 * Latest knowledge element per skill, restricted to the given skills.
 * Knowledge elements are append-only, so when a skill appears twice the later element wins.
 */
export function latestKnowledgeElementBySkillId(
  knowledgeElements: readonly KnowledgeElementInput[],
  skills: readonly EngineSkill[],
): Map<string, KnowledgeElementInput> {
  const skillIds = new Set(skills.map((skill) => skill.id));
  const latest = new Map<string, KnowledgeElementInput>();
  for (const element of knowledgeElements) {
    if (skillIds.has(element.skillId)) latest.set(element.skillId, element);
  }
  return latest;
}

/**
 * The DIRECT elements as answers for the level fit. Inferred elements are left out on purpose:
 * they restate a direct answer, and counting them would give one answer the weight of several.
 */
export function directAnswersOf(
  latestBySkillId: ReadonlyMap<string, KnowledgeElementInput>,
  skills: readonly EngineSkill[],
): DirectAnswer[] {
  const answers: DirectAnswer[] = [];
  for (const skill of skills) {
    const element = latestBySkillId.get(skill.id);
    if (element?.source === "DIRECT") answers.push({ difficulty: skill.level, isSuccess: element.status === "VALIDATED" });
  }
  return answers;
}
