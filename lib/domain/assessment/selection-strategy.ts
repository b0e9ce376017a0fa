import type { Observation } from "./mastery-posterior";
import type { DirectAnswer, EngineSkill, EngineTube, KnowledgeElementInput } from "./types";

/**
 * What a strategy sees when asked for the next question. The product rules that do not depend on the
 * strategy (never re-ask a challenge, never two timed challenges in a row, end when nothing is left)
 * are applied by selectNextChallenge around it.
 */
export type SelectionContext = {
  /** Untested target skills that still have a challenge to offer (after the timed-challenge rule). */
  availableSkills: readonly EngineSkill[];
  /** Target tubes (skills having at least one challenge, easiest first). */
  tubes: readonly EngineTube[];
  /** Latest knowledge element per target skill: reused profile + this assessment. */
  knowledgeElementBySkillId: ReadonlyMap<string, KnowledgeElementInput>;
  /** DIRECT elements of the target skills, as answers for the level fit. */
  directAnswers: readonly DirectAnswer[];
  /** No answer yet in this assessment. */
  isFirstQuestion: boolean;
  /** Every target skill, playable or not (the mastery rate counts them all). */
  targetSkills: readonly EngineSkill[];
  /** The direct answers the posterior reads: this assessment's answers, then reused DIRECT elements. */
  observations: readonly Observation[];
  /**
   * Skills answered once in this assessment that another challenge could check again (after the timed
   * rule), in tubes not re-checked yet. Only a strategy that wants re-checks looks at them.
   */
  recheckableSkills: readonly EngineSkill[];
};

/**
 * A way of choosing the skills worth asking next. Returning no skill ends the assessment; returning
 * several lets the seed choose among equally good ones.
 */
export interface SelectionStrategy {
  readonly name: string;
  chooseCandidateSkills(context: SelectionContext): readonly EngineSkill[];
}
