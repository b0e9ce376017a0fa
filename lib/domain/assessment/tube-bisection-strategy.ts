import { predictLevel } from "./level-estimate";
import type { SelectionContext, SelectionStrategy } from "./selection-strategy";
import { keepEasyTubesFirst, keepFirstQuestionLevel, keepHighestScores } from "./skill-filters";
import { planTubeQuestion } from "./tube-question-plan";
import type { EngineSkill, EngineTube } from "./types";

/**
 * How many questions one mastered skill left untested (so counted as not mastered) is worth.
 * 5 matches smart random's precision on the bench (bench/adaptive); 3 asks ~20 % fewer questions
 * but loses ~5 points of precision; above 5 nothing changes.
 */
export const DEFAULT_ERROR_COST = 5;

/** The tube's next question and the expected number of questions (plus error) left to settle the tube. */
type TubeCandidate = { skill: EngineSkill; expectedCost: number };

function candidateOfTube(
  tube: EngineTube,
  predictedLevel: number,
  context: SelectionContext,
  availableIds: ReadonlySet<string>,
  errorCost: number,
): TubeCandidate | null {
  const skills = tube.skills;
  const statusAt = (position: number) => context.knowledgeElementBySkillId.get(skills[position - 1].id)?.status;
  let validatedUpTo = 0;
  for (let j = 1; j <= skills.length; j++) if (statusAt(j) === "VALIDATED") validatedUpTo = j;
  let last = skills.length;
  for (let j = skills.length; j > validatedUpTo; j--) if (statusAt(j) === "INVALIDATED") last = j - 1;

  const plan = planTubeQuestion({
    levels: skills.map((skill) => skill.level),
    first: validatedUpTo + 1,
    last,
    predictedLevel,
    errorCost,
    isAskable: (position) => availableIds.has(skills[position - 1].id),
  });
  if (plan) return { skill: skills[plan.position - 1], expectedCost: plan.expectedCost };

  // Untested skills below a validated one (the profile validated it when they were not targeted) are
  // mastered under the model yet count as not mastered until asked: the highest one settles them all.
  for (let d = validatedUpTo - 1; d >= 1; d--) {
    if (availableIds.has(skills[d - 1].id)) return { skill: skills[d - 1], expectedCost: 1 };
  }
  return null;
}

/**
 * Alternative to smart random aiming at fewer questions for the same precision.
 * - Within a tube: the optimal decision tree of tube-question-plan.ts, a probability-weighted binary
 *   search that stops when another question costs more than the error it would remove; the tube's own
 *   answers sharpen the prior given by the global level.
 * - Across tubes: the tube closest to settled goes first. Its answer is cheap and still refines the
 *   global level, so the uncertain tubes, where a good prior saves the most, are planned last.
 */
export function createTubeBisectionStrategy(options: { errorCost?: number } = {}): SelectionStrategy {
  const errorCost = options.errorCost ?? DEFAULT_ERROR_COST;
  return {
    name: "tube-bisection",
    chooseCandidateSkills(context) {
      const skills = keepEasyTubesFirst(context.availableSkills, context.tubes);
      if (context.isFirstQuestion) return keepFirstQuestionLevel(skills);

      const predictedLevel = predictLevel(context.directAnswers);
      const availableIds = new Set(skills.map((skill) => skill.id));
      const candidates = context.tubes
        .filter((tube) => tube.skills.some((skill) => availableIds.has(skill.id)))
        .map((tube) => candidateOfTube(tube, predictedLevel, context, availableIds, errorCost))
        .filter((candidate): candidate is TubeCandidate => candidate !== null);
      // Every plan costs at least its one question, so 1 / cost is in (0, 1]: highest = cheapest tube.
      const costBySkillId = new Map(candidates.map((candidate) => [candidate.skill.id, candidate.expectedCost]));
      return keepHighestScores(
        candidates.map((candidate) => candidate.skill),
        (skill) => 1 / costBySkillId.get(skill.id)!,
      );
    },
  };
}

export const tubeBisectionStrategy = createTubeBisectionStrategy();
