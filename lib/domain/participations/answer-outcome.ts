import type { ChallengeSource } from "../learning-content/schema";
import { isAnswerCorrect, type AnswerInput } from "../learning-content/check-answer";

export type AnswerOutcome = "OK" | "KO" | "ABAND" | "TIMEDOUT";

/** Seconds granted beyond a timer for the network and the click. */
export const TIMER_GRACE_SECONDS = 3;

/**
 * The result of an answer: a skip ("Je passe") is ABAND; a timed challenge answered after its timer
 * (measured on the server from when it was started) is TIMEDOUT even when right.
 */
export function answerOutcome(input: { challenge: ChallengeSource; answer: AnswerInput | null; elapsedSeconds: number | null }): AnswerOutcome {
  if (input.answer === null) return "ABAND";
  const timer = input.challenge.timer;
  if (timer && input.elapsedSeconds !== null && input.elapsedSeconds > timer + TIMER_GRACE_SECONDS) return "TIMEDOUT";
  return isAnswerCorrect(input.challenge, input.answer) ? "OK" : "KO";
}

export const ANSWER_OUTCOME_LABELS: Record<AnswerOutcome, string> = {
  OK: "Réponse correcte",
  KO: "Réponse incorrecte",
  ABAND: "Pas de réponse",
  TIMEDOUT: "Temps dépassé",
};
