import { tubesOfPlayableContent } from "./engine-tubes";
import { byId, uniqueById } from "./ids";
import { directAnswersOf, latestKnowledgeElementBySkillId } from "./latest-knowledge-elements";
import { answerCountBySkillId, observationsOf, type AnsweredChallenge } from "./observations";
import { pickBySeed } from "./seeded-pick";
import type { SelectionContext, SelectionStrategy } from "./selection-strategy";
import { smartRandomStrategy } from "./smart-random-strategy";
import type { EngineChallenge, EngineSkill, KnowledgeElementInput } from "./types";

export type LastAnswer = { challengeId: string; isTimed: boolean };

export type NextChallenge = { kind: "challenge"; challengeId: string; skillId: string } | { kind: "end" };

export type SelectNextChallengeInput = {
  targetSkills: readonly EngineSkill[];
  /** Challenges of the target skills (others are ignored). */
  challenges: readonly EngineChallenge[];
  /** Latest element per skill of the whole profile, then this assessment's (later wins). */
  knowledgeElements: readonly KnowledgeElementInput[];
  /** Challenges already answered in this assessment: never proposed again. */
  answeredChallengeIds: Iterable<string>;
  /**
   * This assessment's answers with their skill and result, in order: the posterior's evidence and what
   * makes a re-check possible. Without them, the latest DIRECT elements are the evidence and no skill is
   * asked twice.
   */
  answers?: readonly AnsweredChallenge[];
  /** null before the first answer of this assessment. */
  lastAnswer: LastAnswer | null;
  /** The assessment id: same seed and same answers ⇒ same questions. */
  seed: string;
  strategy?: SelectionStrategy;
};

/**
 * The next question of a campaign assessment, or its end.
 *
 * Product rules kept here, whatever the strategy: a challenge is asked at most once per assessment;
 * only untested skills are offered (each answer settles at least one), plus, for a strategy that wants
 * them, one re-check per tube of a skill answered once (another challenge of it), so an assessment asks at
 * most one question per target skill and one per tube; no timed challenge right after a timed one, nor as
 * the very first question, unless an untested skill has nothing else (a re-check never does); the pick among equally good skills is seeded.
 */
export function selectNextChallenge(input: SelectNextChallengeInput): NextChallenge {
  const targetSkills = uniqueById(input.targetSkills);
  const targetSkillIds = new Set(targetSkills.map((skill) => skill.id));
  const challenges = uniqueById(input.challenges.filter((challenge) => targetSkillIds.has(challenge.skillId)));
  const answered = new Set(input.answeredChallengeIds);

  const remainingBySkillId = new Map<string, EngineChallenge[]>();
  for (const challenge of challenges) {
    if (answered.has(challenge.id)) continue;
    const remaining = remainingBySkillId.get(challenge.skillId) ?? [];
    remaining.push(challenge);
    remainingBySkillId.set(challenge.skillId, remaining);
  }

  // A MODEL element is the last test's guess, not evidence: the skill counts as untested.
  const evidence = input.knowledgeElements.filter((element) => element.source !== "MODEL");
  const knowledgeElementBySkillId = latestKnowledgeElementBySkillId(evidence, targetSkills);
  const untestedPlayable = targetSkills.filter(
    (skill) => !knowledgeElementBySkillId.has(skill.id) && remainingBySkillId.has(skill.id),
  );
  const answers = (input.answers ?? []).filter((answer) => targetSkillIds.has(answer.skillId));
  const context: Omit<SelectionContext, "availableSkills" | "recheckableSkills"> = {
    tubes: tubesOfPlayableContent(targetSkills, challenges),
    knowledgeElementBySkillId,
    directAnswers: directAnswersOf(knowledgeElementBySkillId, targetSkills),
    isFirstQuestion: input.lastAnswer === null,
    targetSkills,
    observations: observationsOf({ answers, latestBySkillId: knowledgeElementBySkillId }),
  };
  const recheckable = recheckableSkills(targetSkills, answers, remainingBySkillId);
  const strategy = input.strategy ?? smartRandomStrategy;
  const choose = (isAllowed: (challenge: EngineChallenge) => boolean, withRechecks = true) => {
    const allowed = (skill: EngineSkill) => remainingBySkillId.get(skill.id)!.some(isAllowed);
    const availableSkills = untestedPlayable.filter(allowed);
    const recheckableSkills = withRechecks ? recheckable.filter(allowed) : [];
    if (availableSkills.length === 0 && recheckableSkills.length === 0) return null;
    return chooseChallenge({ strategy, context: { ...context, availableSkills, recheckableSkills }, remainingBySkillId, isAllowed, seed: input.seed });
  };

  // A timed question is stressful: not as an opening, never twice in a row, unless nothing else is left.
  const mustAvoidTimed = input.lastAnswer === null || input.lastAnswer.isTimed;
  if (mustAvoidTimed) {
    const untimedChoice = choose((challenge) => !challenge.isTimed);
    if (untimedChoice) return untimedChoice;
    // Only an untested skill may break the rule (the result needs it): a re-check is optional, never worth a second
    // timed question in a row.
    return choose(() => true, false) ?? { kind: "end" };
  }
  return choose(() => true) ?? { kind: "end" };
}

/**
 * Skills a re-check may ask again: answered once in this assessment, with a challenge left, in a tube
 * where no skill was asked twice yet (one re-check per tube, so a test always ends).
 */
function recheckableSkills(
  targetSkills: readonly EngineSkill[],
  answers: readonly AnsweredChallenge[],
  remainingBySkillId: ReadonlyMap<string, readonly EngineChallenge[]>,
): EngineSkill[] {
  const counts = answerCountBySkillId(answers);
  const recheckedTubeIds = new Set(targetSkills.filter((skill) => (counts.get(skill.id) ?? 0) >= 2).map((skill) => skill.tubeId));
  return targetSkills.filter((skill) => counts.get(skill.id) === 1 && !recheckedTubeIds.has(skill.tubeId) && remainingBySkillId.has(skill.id));
}

function chooseChallenge(args: {
  strategy: SelectionStrategy;
  context: SelectionContext;
  remainingBySkillId: ReadonlyMap<string, readonly EngineChallenge[]>;
  isAllowed: (challenge: EngineChallenge) => boolean;
  seed: string;
}): NextChallenge | null {
  const { strategy, context, remainingBySkillId, isAllowed, seed } = args;
  // A strategy only ranks: whatever it returns must still be available, so it cannot break the rules above.
  const availableIds = new Set([...context.availableSkills, ...context.recheckableSkills].map((skill) => skill.id));
  const candidates = byId(uniqueById(strategy.chooseCandidateSkills(context).filter((skill) => availableIds.has(skill.id))));
  if (candidates.length === 0) return null;

  const skill = pickBySeed(candidates, seed);
  const playable = byId((remainingBySkillId.get(skill.id) ?? []).filter(isAllowed));
  if (playable.length === 0) return null;
  const challenge = pickBySeed(playable, `${seed}+1`);
  return { kind: "challenge", challengeId: challenge.id, skillId: skill.id };
}
