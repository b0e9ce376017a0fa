/** Public API of the adaptive engine (campaign assessments). */
export type { AnswerResult, EngineChallenge, EngineSkill, EngineTube, KnowledgeElementInput, KnowledgeElementSource } from "./types";
export { knowledgeElementsForAnswer, type KnowledgeElementsForAnswerInput } from "./knowledge-elements-for-answer";
export { knowledgeElementsForRecheck } from "./knowledge-elements-for-recheck";
export { selectNextChallenge, type LastAnswer, type NextChallenge, type SelectNextChallengeInput } from "./select-next-challenge";
export type { SelectionContext, SelectionStrategy } from "./selection-strategy";
export { smartRandomStrategy } from "./smart-random-strategy";
export { createTubeBisectionStrategy, tubeBisectionStrategy } from "./tube-bisection-strategy";
export { createPrecisionStrategy, DEFAULT_PRECISION_TARGET, precisionStrategy } from "./precision-strategy";
export { strategyForCampaign, type AssessmentMethod } from "./strategy-for-campaign";
export { masteryEstimate, type MasteryEstimate } from "./mastery-estimate";
export { masteryPosterior, type MasteryPosterior, type Observation } from "./mastery-posterior";
export { resultAtCompletion, type ResultAtCompletion } from "./result-at-completion";
export type { AnsweredChallenge } from "./observations";
export { ENGINE_PARAMETERS, type EngineParameters } from "./engine-parameters";
export { progression } from "./progression";
export { assessmentStep, elementsForAnswer, type AssessmentStep } from "./assessment-step";
