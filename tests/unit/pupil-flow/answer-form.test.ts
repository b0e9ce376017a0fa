import { describe, expect, it } from "vitest";
import { answerFrom, codeOf, isEmptyAnswer } from "@/lib/pupil-flow/answer-form";

const form = (entries: [string, string][]) => new URLSearchParams(entries);

describe("the question page's form, as posted (url-encoded)", () => {
  it("reads the ticked positions of a choice question, at most eight, as displayed (mapped back on the server)", () => {
    const posted = form([["kind", "choices"], ["choice", "3"], ["choice", "1"], ["intent", "answer"]]);
    expect(answerFrom(posted)).toEqual({ kind: "displayed-choices", positions: [3, 1] });
    const many = form([["kind", "choices"], ...Array.from({ length: 12 }, (_, i): [string, string] => ["choice", String(i + 1)])]);
    expect((answerFrom(many) as { positions: number[] }).positions).toHaveLength(8);
  });

  it("reads the fields of a text question, each cut at 500 characters", () => {
    const posted = form([["kind", "fields"], ["field:ville", "Paris"], ["field:pays", "x".repeat(600)], ["intent", "answer"]]);
    expect(answerFrom(posted)).toEqual({ kind: "fields", values: { ville: "Paris", pays: "x".repeat(500) } });
  });

  it("« Je passe » is no answer at all; an untouched form is empty", () => {
    expect(answerFrom(form([["kind", "choices"], ["choice", "2"], ["intent", "skip"]]))).toBeNull();
    expect(isEmptyAnswer(null)).toBe(false);
    expect(isEmptyAnswer(answerFrom(form([["kind", "choices"], ["intent", "answer"]])))).toBe(true);
    expect(isEmptyAnswer(answerFrom(form([["kind", "fields"], ["field:a", "  "], ["intent", "answer"]])))).toBe(true);
    // The countdown's own submission has no button: an answer, not a skip.
    expect(answerFrom(form([["kind", "fields"], ["field:a", "42"], ["timedOut", "1"]]))).toEqual({ kind: "fields", values: { a: "42" } });
  });

  it("keeps only letters and digits of the campaign code, in capitals", () => {
    expect(codeOf(form([["code", "abc-def 123/../"]]))).toBe("ABCDEF123");
  });
});
