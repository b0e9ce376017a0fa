/**
 * The question form's contract, as the page posts it: hidden `code`, `challengeId`, `kind`, `timedOut`, then the
 * ticked `choice` inputs or the `field:<key>` inputs, then the button pressed (`intent`). This is the one part of
 * the browser's behaviour the bench writes by hand; the recorder checks it against what Chromium really posts
 * and stops with the difference when the page changes (then update this file, nothing else).
 */
import { expectedAnswer } from "../../lib/domain/learning-content/check-answer";
import { optionOrder } from "../../lib/domain/learning-content/option-order";
import type { ChallengeSource } from "../../lib/domain/learning-content/schema";

export type Decision = "right" | "wrong" | "skip";

/**
 * What a ticked box posts: the proposal's own number, or its position on the page when the page shows the
 * proposals in the order seeded by the assessment (the recorder finds out which, from the page).
 */
export type ChoiceEncoding = { kind: "canonical" } | { kind: "displayed-position"; seed: "assessment" };

export const CONTRACT_FIELDS = ["code", "challengeId", "kind", "timedOut", "choice", "intent"];
export const isContractField = (name: string) => CONTRACT_FIELDS.includes(name) || name.startsWith("field:");

const isChoice = (c: ChallengeSource) => c.type === "QCU" || c.type === "QCM";

function fieldKeys(c: ChallengeSource): string[] {
  if (c.type === "QROC") return [c.field.key];
  if (c.type === "QROCM-ind" || c.type === "QROCM-dep") return c.fields.map((f) => f.key);
  return [];
}

/** Canonical proposal numbers a pupil ticks for this decision (a wrong answer is a plausible near miss). */
function chosenProposals(c: ChallengeSource & { type: "QCU" | "QCM" }, decision: Decision): number[] {
  if (decision === "skip") return [];
  if (c.type === "QCU") return decision === "right" ? [c.solution] : [c.solution === 1 ? 2 : 1];
  return decision === "right" ? [...c.solution] : c.solution.slice(0, -1);
}

/** The values posted for the ticked proposals, in page order. */
export function postedChoices(c: ChallengeSource & { type: "QCU" | "QCM" }, canonical: number[], encoding: ChoiceEncoding, assessmentId: number): string[] {
  if (encoding.kind === "canonical") return [...canonical].sort((a, b) => a - b).map(String);
  const order = optionOrder(String(assessmentId), c.id, c.proposals.length);
  const positions = canonical.map((n) => order.indexOf(n) + 1);
  return positions.sort((a, b) => a - b).map(String);
}

/** The form entries the browser posts for this question and decision, in the page's order. */
export function answerFormEntries(input: { code: string; challenge: ChallengeSource; decision: Decision; encoding: ChoiceEncoding; assessmentId: number }): [string, string][] {
  const { challenge: c, decision } = input;
  const entries: [string, string][] = [
    ["code", input.code],
    ["challengeId", c.id],
    ["kind", isChoice(c) ? "choices" : "fields"],
    ["timedOut", "0"],
  ];
  if (c.type === "QCU" || c.type === "QCM") {
    for (const value of postedChoices(c, chosenProposals(c, decision), input.encoding, input.assessmentId)) entries.push(["choice", value]);
  } else {
    const right = expectedAnswer(c);
    const values = right.kind === "fields" ? right.values : {};
    // Text inputs are always posted, empty when the pupil passes.
    for (const key of fieldKeys(c)) entries.push([`field:${key}`, decision === "right" ? values[key] : decision === "wrong" ? "je ne sais pas" : ""]);
  }
  entries.push(["intent", decision === "skip" ? "skip" : "answer"]);
  return entries;
}
