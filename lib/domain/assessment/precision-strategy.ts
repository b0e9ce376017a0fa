import { answerInformation } from "./answer-information";
import { ENGINE_PARAMETERS, type EngineParameters } from "./engine-parameters";
import { countMoments, masteredGiven, posteriorState, type PosteriorState } from "./mastery-posterior";
import type { SelectionContext, SelectionStrategy } from "./selection-strategy";
import { keepEasyTubesFirst, keepFirstQuestionLevel, keepHighestScores } from "./skill-filters";
import type { EngineSkill } from "./types";

/** The campaign's default precision: the test ends once the result is known to ± 8 points (2σ). */
export const DEFAULT_PRECISION_TARGET = 8;
/** Below this expected gain (variance of the rate, in points²) a question is not worth the pupil's time. */
export const DEFAULT_MINIMUM_GAIN = 0.5;
/**
 * A skill answered once is re-checked only when the other answers make its answer more likely wrong than
 * right. A lower bar (0.3) lowered the error a little more on the bench but asked a question more per test
 * on single competences, where smart random is already short.
 */
export const RECHECK_DOUBT = 0.5;

export type PrecisionOptions = {
  /** ± in points (2σ of the mastery rate × 100) at which the test ends. */
  target?: number;
  minimumGain?: number;
  /** Least chance that a single answer is wrong for it to be checked again (above 1: no re-check). */
  recheckDoubt?: number;
  parameters?: EngineParameters;
  /** Sees the standard deviation (points) computed before each choice: the bench reads its stopping points there. */
  onPrecision?: (standardDeviationPoints: number, context: SelectionContext) => void;
};

/** The posterior's standard deviation of the mastery rate, in points. */
export function rateStandardDeviationPoints(state: PosteriorState): number {
  return state.targetCount === 0 ? 0 : (100 * Math.sqrt(countMoments(state).variance)) / state.targetCount;
}

/** P(the skill's single answer in this assessment is wrong about it), under the posterior. */
function doubtAbout(state: PosteriorState, skill: EngineSkill, context: SelectionContext): number {
  const at = state.positionBySkillId.get(skill.id);
  const answer = context.observations.find((observation) => observation.skillId === skill.id);
  if (!at || !answer) return 0;
  let mastered = 0;
  state.weights.forEach((w, g) => (mastered += w * masteredGiven(state.tubes[at.tube], g, at.position)));
  return answer.isSuccess ? 1 - mastered : mastered;
}

/**
 * The precision engine: the test ends as soon as the mastery rate is known to ± `target` points, or when no
 * question would still teach enough; until then, the question that most reduces the expected variance of
 * the rate (answer-information.ts). The product rules stay: easy tubes first, a level-2 opening, the timed
 * rules and never the same challenge twice (selectNextChallenge). Beyond untested skills, it may check a
 * doubtful answer again once per tube with another challenge: one slip no longer sinks a tube for good,
 * one lucky guess no longer validates it.
 */
export function createPrecisionStrategy(options: PrecisionOptions = {}): SelectionStrategy {
  const target = options.target ?? DEFAULT_PRECISION_TARGET;
  const minimumGain = options.minimumGain ?? DEFAULT_MINIMUM_GAIN;
  const recheckDoubt = options.recheckDoubt ?? RECHECK_DOUBT;
  const parameters = options.parameters ?? ENGINE_PARAMETERS;
  return {
    name: "precision",
    chooseCandidateSkills(context) {
      const state = posteriorState({ targetSkills: context.targetSkills, observations: context.observations, parameters });
      const standardDeviation = rateStandardDeviationPoints(state);
      options.onPrecision?.(standardDeviation, context);
      // Answers reused from earlier tests may already be enough: then not even an opening question.
      if (2 * standardDeviation <= target) return [];
      if (context.isFirstQuestion) return keepFirstQuestionLevel(keepEasyTubesFirst(context.availableSkills, context.tubes));

      const pointsPerSkill = 100 / state.targetCount;
      const gainBySkillId = new Map<string, number>();
      const consider = (skill: EngineSkill) => {
        const gain = answerInformation(state, skill.id).varianceReduction * pointsPerSkill * pointsPerSkill;
        if (gain >= minimumGain) gainBySkillId.set(skill.id, gain);
      };
      context.availableSkills.forEach(consider);
      context.recheckableSkills.filter((skill) => doubtAbout(state, skill, context) >= recheckDoubt).forEach(consider);
      const informative = [...context.availableSkills, ...context.recheckableSkills].filter((skill) => gainBySkillId.has(skill.id));
      return keepHighestScores(keepEasyTubesFirst(informative, context.tubes), (skill) => gainBySkillId.get(skill.id)!);
    },
  };
}

export const precisionStrategy = createPrecisionStrategy();
