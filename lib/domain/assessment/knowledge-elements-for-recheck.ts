import type { AnswerResult, EngineSkill, KnowledgeElementInput } from "./types";

/**
 * The knowledge elements to append after a re-check: a skill answered once in this assessment, asked
 * again with another challenge (precision-strategy.ts). The new answer is the skill's latest direct
 * element; the tube's inferences follow it as after a first answer — easier skills validated after a
 * success, harder ones invalidated after a failure — over the skills the answers did not settle directly
 * (no element, a MODEL one, or an INFERRED one saying the opposite). Direct elements are never overwritten.
 */
export function knowledgeElementsForRecheck(input: {
  answeredSkill: EngineSkill;
  result: AnswerResult;
  targetSkills: readonly EngineSkill[];
  /** Latest element per skill: reused profile, then this assessment. */
  latestBySkillId: ReadonlyMap<string, KnowledgeElementInput>;
}): KnowledgeElementInput[] {
  const { answeredSkill, result, targetSkills, latestBySkillId } = input;
  if (!targetSkills.some((skill) => skill.id === answeredSkill.id)) return [];
  const isValidated = result === "OK";
  const status = isValidated ? "VALIDATED" : "INVALIDATED";
  const direct: KnowledgeElementInput = { skillId: answeredSkill.id, status, source: "DIRECT" };

  const seen = new Set<string>([answeredSkill.id]);
  const inferred = targetSkills
    .filter((skill) => {
      if (skill.tubeId !== answeredSkill.tubeId || seen.has(skill.id)) return false;
      seen.add(skill.id);
      if (isValidated ? skill.level >= answeredSkill.level : skill.level <= answeredSkill.level) return false;
      const latest = latestBySkillId.get(skill.id);
      return !latest || latest.source === "MODEL" || (latest.source === "INFERRED" && latest.status !== status);
    })
    .sort((a, b) => a.level - b.level)
    .map((skill): KnowledgeElementInput => ({ skillId: skill.id, status, source: "INFERRED" }));
  return [direct, ...inferred];
}
