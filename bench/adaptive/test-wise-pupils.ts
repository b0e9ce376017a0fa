/**
 * Test-wise pupils (issue 13): they know nothing and exploit the form of the items. They see the options
 * in the order a real pupil sees them — `optionOrder(assessment id, challenge id, count)` — or, for the
 * "before" figures, in file order. Their answer goes through the real checker.
 * - « premier »: always ticks the first option shown;
 * - « plus long »: always ticks the longest option shown (the first of equals);
 * - « hasard »: a random option (QCU), a random non-empty set (QCM).
 * Free-text questions (QROC, QROCM) get a garbage answer from all of them.
 */
import { isAnswerCorrect, type AnswerInput } from "../../lib/domain/learning-content/check-answer";
import { optionOrder } from "../../lib/domain/learning-content/option-order";
import type { ChallengeSource } from "../../lib/domain/learning-content/schema";

export type TestWiseKind = "premier" | "plus-long" | "hasard";
export const TEST_WISE_KINDS: readonly TestWiseKind[] = ["premier", "plus-long", "hasard"];
export type OptionDisplay = "mélangé" | "fichier";

const GARBAGE = "je ne sais pas";

function displayedOrder(challenge: ChallengeSource & { proposals: string[] }, display: OptionDisplay, assessmentSeed: string): number[] {
  const count = challenge.proposals.length;
  return display === "mélangé" ? optionOrder(assessmentSeed, challenge.id, count) : Array.from({ length: count }, (_, i) => i + 1);
}

function choices(kind: TestWiseKind, proposals: readonly string[], order: readonly number[], isMultiple: boolean, random: () => number): number[] {
  if (kind === "premier") return [order[0]];
  if (kind === "plus-long") {
    let best = order[0];
    for (const option of order) if (proposals[option - 1].length > proposals[best - 1].length) best = option;
    return [best];
  }
  if (!isMultiple) return [order[Math.floor(random() * order.length)]];
  for (;;) {
    const picked = order.filter(() => random() < 0.5);
    if (picked.length > 0) return picked;
  }
}

export function testWiseAnswer(kind: TestWiseKind, challenge: ChallengeSource, display: OptionDisplay, assessmentSeed: string, random: () => number): AnswerInput {
  switch (challenge.type) {
    case "QCU":
    case "QCM": {
      const order = displayedOrder(challenge, display, assessmentSeed);
      return { kind: "choices", selected: choices(kind, challenge.proposals, order, challenge.type === "QCM", random) };
    }
    case "QROC":
      return { kind: "fields", values: { [challenge.field.key]: GARBAGE } };
    case "QROCM-ind":
    case "QROCM-dep":
      return { kind: "fields", values: Object.fromEntries(challenge.fields.map((field) => [field.key, GARBAGE])) };
  }
}

/** Whether the test-wise pupil's answer is accepted; a challenge that does not parse counts as failed. */
export function testWiseAnswersCorrectly(kind: TestWiseKind, challenge: ChallengeSource | null, display: OptionDisplay, assessmentSeed: string, random: () => number): boolean {
  if (!challenge) return false;
  return isAnswerCorrect(challenge, testWiseAnswer(kind, challenge, display, assessmentSeed, random));
}
