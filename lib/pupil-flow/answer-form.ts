import type { SubmittedAnswer } from "../domain/participations/submitted-answer";

/** What the question page posts (a plain form, or the page's script with the same fields): read, never trusted. */
export type FlowForm = { get(name: string): string | null; getAll(name: string): string[]; keys(): Iterable<string> };

/** A campaign code as typed in a form: upper case, letters and digits only. */
export const codeOf = (form: FlowForm) => String(form.get("code") ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");

/** The page posts the positions ticked in the order shown; the use case maps them back (never the client). */
export function answerFrom(form: FlowForm): SubmittedAnswer | null {
  if (form.get("intent") === "skip") return null;
  const positions = form.getAll("choice").slice(0, 8).map((v) => Number(v));
  if (form.get("kind") === "choices") return { kind: "displayed-choices", positions };
  const values: Record<string, string> = {};
  for (const key of new Set(form.keys())) if (key.startsWith("field:")) values[key.slice(6)] = (form.get(key) ?? "").slice(0, 500);
  return { kind: "fields", values };
}

export function isEmptyAnswer(answer: SubmittedAnswer | null): boolean {
  if (answer === null) return false;
  if (answer.kind === "displayed-choices") return answer.positions.length === 0;
  return answer.kind === "choices" ? answer.selected.length === 0 : Object.values(answer.values).every((v) => v.trim() === "");
}

export const EMPTY_ANSWER_MESSAGE = "Pour valider, sélectionnez une réponse. Sinon, passez.";
