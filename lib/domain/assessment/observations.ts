import type { Observation } from "./mastery-posterior";
import type { KnowledgeElementInput } from "./types";

/** An answer of this assessment, as the engine reads it. "Je passe" and a late answer are failures. */
export type AnsweredChallenge = { challengeId: string; skillId: string; isSuccess: boolean };

/**
 * The evidence the posterior reads: every answer of this assessment (a re-checked skill counts twice),
 * then, for the skills this assessment did not ask, the DIRECT element reused from the profile.
 * Inferred and model elements restate answers: counting them would count one answer several times.
 */
export function observationsOf(input: {
  answers: readonly AnsweredChallenge[];
  latestBySkillId: ReadonlyMap<string, KnowledgeElementInput>;
}): Observation[] {
  const observations: Observation[] = input.answers.map((answer) => ({ skillId: answer.skillId, isSuccess: answer.isSuccess }));
  const asked = new Set(input.answers.map((answer) => answer.skillId));
  for (const [skillId, element] of input.latestBySkillId) {
    if (element.source === "DIRECT" && !asked.has(skillId)) observations.push({ skillId, isSuccess: element.status === "VALIDATED" });
  }
  return observations;
}

/** How many answers of this assessment each skill has (a re-check makes 2). */
export function answerCountBySkillId(answers: readonly AnsweredChallenge[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const answer of answers) counts.set(answer.skillId, (counts.get(answer.skillId) ?? 0) + 1);
  return counts;
}
