import { uniqueById } from "./ids";
import { latestKnowledgeElementBySkillId } from "./latest-knowledge-elements";
import type { MasteryPosterior } from "./mastery-posterior";
import type { EngineSkill, KnowledgeElementInput } from "./types";

/**
 * The elements written at completion so that every screen that counts « validated / total » — results,
 * paliers, per-competence and per-tube figures, the export — shows the posterior's result.
 *
 * The validated count becomes the posterior's median count (count-distribution.ts: the reading closest to
 * the truth in absolute terms, and one that reaches 0 % or 100 %); the validated skills are that many of
 * the most probably mastered ones (easiest first among equals), which also maximises the expected number
 * of skills whose state is right. Most answered skills keep their answer's state (a success is likely
 * mastered, a failure likely not); the ones the other answers contradict — a slip on an easy skill of a
 * strong pupil, a lucky guess of a weak one — take the posterior's. Keeping every answer's state instead
 * made the shown rate miss the posterior's centre, and its ± miss the truth for one pupil in four
 * (docs/adr/0011-mastery-posterior.md). Rounding each skill's probability instead would bias the rate
 * (ten skills at 40 % would count 0 instead of 4).
 *
 * Only changes are written: a skill whose latest element already has the chosen state keeps it.
 */
export function knowledgeElementsFromPosterior(input: {
  targetSkills: readonly EngineSkill[];
  /** Latest element per skill: reused profile, then this assessment. */
  knowledgeElements: readonly KnowledgeElementInput[];
  posterior: Pick<MasteryPosterior, "masteryMedian" | "masteredProbabilityBySkillId">;
}): KnowledgeElementInput[] {
  const targetSkills = uniqueById(input.targetSkills);
  const latest = latestKnowledgeElementBySkillId(input.knowledgeElements, targetSkills);
  const toValidate = Math.min(targetSkills.length, Math.max(0, Math.round(input.posterior.masteryMedian * targetSkills.length)));
  const probability = (skill: EngineSkill) => input.posterior.masteredProbabilityBySkillId.get(skill.id) ?? 0;
  // Among equals, a skill already validated stays so (fewer changes), then the easier one.
  const isValidated = (skill: EngineSkill) => (latest.get(skill.id)?.status === "VALIDATED" ? 1 : 0);
  const ranked = [...targetSkills].sort(
    (a, b) => probability(b) - probability(a) || isValidated(b) - isValidated(a) || a.level - b.level || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const elements: KnowledgeElementInput[] = [];
  ranked.forEach((skill, rank) => {
    const status = rank < toValidate ? "VALIDATED" : "INVALIDATED";
    if (latest.get(skill.id)?.status !== status) elements.push({ skillId: skill.id, status, source: "MODEL" });
  });
  return elements;
}
