import { knowledgeElementsForAnswer } from "../../lib/domain/assessment/knowledge-elements-for-answer";
import { masteryEstimate } from "../../lib/domain/assessment/mastery-estimate";
import { selectNextChallenge, type LastAnswer } from "../../lib/domain/assessment/select-next-challenge";
import type { SelectionStrategy } from "../../lib/domain/assessment/selection-strategy";
import type { KnowledgeElementInput } from "../../lib/domain/assessment/types";
import type { Parcours } from "./load-parcours";
import { answersCorrectly, type PupilModel, type SyntheticPupil } from "./synthetic-pupils";

export type RunOutcome = { questions: number; estimatedRate: number; trueRate: number; hasEnded: boolean };

/** A pupil's true mastery rate: share of target skills at or below their true level in the tube. */
export function trueMasteryRate(parcours: Parcours, pupil: SyntheticPupil): number {
  const mastered = parcours.targetSkills.filter((skill) => skill.level <= (pupil.levelByTubeId.get(skill.tubeId) ?? 0));
  return mastered.length / parcours.targetSkills.length;
}

/** One campaign assessment from the first question to the end, as the app plays it (no reused profile). */
export function simulateAssessment(args: {
  parcours: Parcours;
  pupil: SyntheticPupil;
  model: PupilModel;
  strategy: SelectionStrategy;
  seed: string;
  random: () => number;
}): RunOutcome {
  const { parcours, pupil, model, strategy, seed, random } = args;
  const { targetSkills, challenges } = parcours;
  const skillById = new Map(targetSkills.map((skill) => [skill.id, skill]));
  const challengeById = new Map(challenges.map((challenge) => [challenge.id, challenge]));
  // Safety net only: the engine asks at most one question per target skill.
  const questionCap = 3 * targetSkills.length + 10;

  const knowledgeElements: KnowledgeElementInput[] = [];
  const answeredChallengeIds: string[] = [];
  let lastAnswer: LastAnswer | null = null;
  let hasEnded = false;
  while (answeredChallengeIds.length < questionCap) {
    const next = selectNextChallenge({ targetSkills, challenges, knowledgeElements, answeredChallengeIds, lastAnswer, seed, strategy });
    if (next.kind === "end") {
      hasEnded = true;
      break;
    }
    const answeredSkill = skillById.get(next.skillId)!;
    const isCorrect = answersCorrectly(pupil, answeredSkill.tubeId, answeredSkill.level, model, random);
    const alreadyKnownSkillIds = knowledgeElements.map((element) => element.skillId);
    knowledgeElements.push(...knowledgeElementsForAnswer({ answeredSkill, result: isCorrect ? "OK" : "KO", targetSkills, alreadyKnownSkillIds }));
    answeredChallengeIds.push(next.challengeId);
    lastAnswer = { challengeId: next.challengeId, isTimed: challengeById.get(next.challengeId)!.isTimed };
  }
  return {
    questions: answeredChallengeIds.length,
    estimatedRate: masteryEstimate({ targetSkills, knowledgeElements }).masteryRate,
    trueRate: trueMasteryRate(parcours, pupil),
    hasEnded,
  };
}
