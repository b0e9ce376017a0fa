/** Public API of the adaptive engine (campaign assessments). */
export type { AnswerResult, EngineChallenge, EngineSkill, EngineTube, KnowledgeElementInput } from "./types";
export { knowledgeElementsForAnswer, type KnowledgeElementsForAnswerInput } from "./knowledge-elements-for-answer";
export { selectNextChallenge, type LastAnswer, type NextChallenge, type SelectNextChallengeInput } from "./select-next-challenge";
export type { SelectionContext, SelectionStrategy } from "./selection-strategy";
export { smartRandomStrategy } from "./smart-random-strategy";
export { createTubeBisectionStrategy, tubeBisectionStrategy } from "./tube-bisection-strategy";
export { masteryEstimate, type MasteryEstimate } from "./mastery-estimate";
export { progression } from "./progression";
