import type { ChallengeSource } from "../learning-content/schema";
import { isAnswerCorrect, type AnswerInput } from "../learning-content/check-answer";

export type AnswerOutcome = "OK" | "KO" | "ABAND" | "TIMEDOUT";

/** Seconds granted beyond a timer for the network and the click. */
export const TIMER_GRACE_SECONDS = 3;

/**
 * The result of an answer: a skip ("Je passe") is ABAND; a timed challenge answered after its timer
 * (measured on the server from when it was started) is TIMEDOUT even when right. No answer on a timed
 * challenge whose time is up (the page sends it by itself at zero, `isTimeUp`, or the server measures it)
 * is TIMEDOUT too: the pupil sees « Temps dépassé », not « Pas de réponse ». Both are failures, so the
 * page's flag cannot be used to gain anything.
 */
export function answerOutcome(input: { challenge: ChallengeSource; answer: AnswerInput | null; elapsedSeconds: number | null; isTimeUp?: boolean }): AnswerOutcome {
  const timer = input.challenge.timer;
  const isLate = Boolean(timer) && input.elapsedSeconds !== null && input.elapsedSeconds > timer! + TIMER_GRACE_SECONDS;
  if (input.answer === null) return timer && (isLate || input.isTimeUp) ? "TIMEDOUT" : "ABAND";
  if (isLate) return "TIMEDOUT";
  return isAnswerCorrect(input.challenge, input.answer) ? "OK" : "KO";
}

export const ANSWER_OUTCOME_LABELS: Record<AnswerOutcome, string> = {
  OK: "Réponse correcte",
  KO: "Réponse incorrecte",
  ABAND: "Pas de réponse",
  TIMEDOUT: "Temps dépassé",
};
