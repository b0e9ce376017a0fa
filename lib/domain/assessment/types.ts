/**
 * Vocabulary of the adaptive engine. Deliberately smaller than the learning-content schema:
 * the engine only needs what drives the choice of the next question.
 */

/** A skill ("acquis") of the campaign: one level of one tube. */
export type EngineSkill = {
  id: string;
  /** Tube name + level, e.g. "@motsCles3" (for logs and teachers, never used for decisions). */
  name: string;
  tubeId: string;
  competenceId: string;
  /** Difficulty 1–8; the inference and the level fit read it. */
  level: number;
};

/** A challenge ("épreuve") that tests one skill. */
export type EngineChallenge = {
  id: string;
  skillId: string;
  /** The challenge has a timer: the engine avoids two of them in a row. */
  isTimed: boolean;
};

export type KnowledgeElementStatus = "VALIDATED" | "INVALIDATED";
/**
 * DIRECT: the skill's own answer; INFERRED: deduced from an answer on another skill of the tube;
 * MODEL: written at completion for a skill the test did not reach, from the posterior (mastery-posterior.ts).
 * The engine never reuses a MODEL element as known: in a later test the skill counts as untested.
 */
export type KnowledgeElementSource = "DIRECT" | "INFERRED" | "MODEL";

/**
 * What the user is known to master. Callers pass the user's LATEST element per skill over the whole
 * profile (past campaigns are reused) followed by the ones created in this assessment; when a skill
 * appears twice, the last one wins (knowledge elements are append-only).
 */
export type KnowledgeElementInput = {
  skillId: string;
  status: KnowledgeElementStatus;
  source: KnowledgeElementSource;
};

/** Outcome of an answer. "ABAND" is "Je passe"; it and "TIMEDOUT" count as failures. */
export type AnswerResult = "OK" | "KO" | "ABAND" | "TIMEDOUT";

/** The target skills of one tube that have at least one challenge, easiest first. */
export type EngineTube = {
  id: string;
  skills: readonly EngineSkill[];
  /** Highest level among those skills: a tube with maxLevel ≤ 3 is an "easy tube". */
  maxLevel: number;
};

/** A direct observation as the level fit sees it. */
export type DirectAnswer = { difficulty: number; isSuccess: boolean };
