import type { AnswerInput } from "../learning-content/check-answer";
import { canonicalChoices, displayOrder } from "../learning-content/option-order";
import type { ChallengeSource } from "../learning-content/schema";
import { DomainError } from "../shared/errors";

/**
 * What the question page sends: the positions ticked in the order the pupil saw (never canonical numbers),
 * or the typed fields. Programs of the platform itself (demo seed, tests) may pass canonical choices.
 */
export type SubmittedAnswer = AnswerInput | { kind: "displayed-choices"; positions: number[] };

/** The answer with canonical proposal numbers, as it is checked and stored. */
export function canonicalAnswer(submitted: SubmittedAnswer, challenge: ChallengeSource, seed: string): AnswerInput {
  if (submitted.kind !== "displayed-choices") return submitted;
  const order = displayOrder(seed, challenge);
  const selected = order ? canonicalChoices(order, submitted.positions) : null;
  if (!selected) throw new DomainError("INVALID_ANSWER", "Cette réponse ne correspond pas aux propositions de la question : rechargez la page.");
  return { kind: "choices", selected };
}
