import { elementsForAnswer } from "../../lib/domain/assessment/assessment-step";
import type { AnsweredChallenge } from "../../lib/domain/assessment/observations";
import { selectNextChallenge, type LastAnswer } from "../../lib/domain/assessment/select-next-challenge";
import type { SelectionStrategy } from "../../lib/domain/assessment/selection-strategy";
import type { EngineSkill, KnowledgeElementInput } from "../../lib/domain/assessment/types";
import type { Parcours } from "./load-parcours";

/** Whether the pupil answers this challenge (of this skill) right. */
export type Answerer = (skill: EngineSkill, challengeId: string) => boolean;

export type AssessmentTrace = {
  questions: number;
  knowledgeElements: KnowledgeElementInput[];
  answers: AnsweredChallenge[];
  hasEnded: boolean;
  /** Milliseconds spent choosing each question (selection, posterior included), in order, on `clock`. */
  selectionMs: number[];
  /** The same in wall-clock time (equal to selectionMs when no other clock is given). */
  selectionWallMs: number[];
};

/**
 * One campaign assessment from the first question to the end, as the app plays it (no reused profile).
 * `afterAnswer` sees the trace after each answer (the precision rows record their stopping points there).
 */
export function playAssessment(args: {
  parcours: Parcours;
  strategy: SelectionStrategy;
  seed: string;
  answer: Answerer;
  afterAnswer?: (trace: AssessmentTrace) => void;
  /** Sees the trace before the first question (it then grows in place). */
  onStart?: (trace: AssessmentTrace) => void;
  /** Milliseconds on the clock that times the selection (CPU time in selection-time.ts); wall clock by default. */
  clock?: () => number;
}): AssessmentTrace {
  const { parcours, strategy, seed, answer, afterAnswer } = args;
  const { targetSkills, challenges, skillById, challengeById } = parcours;
  // Safety net only: the engine asks at most one question per target skill (plus one re-check per tube).
  const questionCap = 3 * targetSkills.length + 10;
  const trace: AssessmentTrace = { questions: 0, knowledgeElements: [], answers: [], hasEnded: false, selectionMs: [], selectionWallMs: [] };
  const clock = args.clock ?? (() => performance.now());
  args.onStart?.(trace);
  const answeredChallengeIds: string[] = [];
  let lastAnswer: LastAnswer | null = null;
  while (answeredChallengeIds.length < questionCap) {
    const [started, wallStarted] = [clock(), performance.now()];
    const next = selectNextChallenge({ targetSkills, challenges, knowledgeElements: trace.knowledgeElements, answeredChallengeIds, answers: trace.answers, lastAnswer, seed, strategy });
    trace.selectionMs.push(clock() - started);
    trace.selectionWallMs.push(performance.now() - wallStarted);
    if (next.kind === "end") {
      trace.hasEnded = true;
      break;
    }
    const answeredSkill = skillById.get(next.skillId)!;
    const isCorrect = answer(answeredSkill, next.challengeId);
    const result = isCorrect ? "OK" : "KO";
    trace.knowledgeElements.push(...elementsForAnswer({ answeredSkill, result, targetSkills, knownElements: trace.knowledgeElements, previousAnswers: trace.answers }));
    trace.answers.push({ challengeId: next.challengeId, skillId: answeredSkill.id, isSuccess: isCorrect });
    answeredChallengeIds.push(next.challengeId);
    lastAnswer = { challengeId: next.challengeId, isTimed: challengeById.get(next.challengeId)!.isTimed };
    trace.questions = answeredChallengeIds.length;
    afterAnswer?.(trace);
  }
  return trace;
}
