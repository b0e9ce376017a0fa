import { describe, expect, it } from "vitest";
import { isAnswerCorrect } from "@/lib/domain/learning-content/check-answer";
import { optionOrder } from "@/lib/domain/learning-content/option-order";
import { publicChallenge, solutionText } from "@/lib/domain/learning-content/public-challenge";
import { DomainError } from "@/lib/domain/shared/errors";
import { canonicalAnswer } from "@/lib/domain/participations/submitted-answer";
import { qcm, qcu, qroc } from "../support/challenge-builders";

describe("answers to shuffled proposals", () => {
  const question = qcu({ id: "ch-shuffled-1-a", proposals: ["Alpha", "Bravo", "Charlie", "Delta"], solution: 3 });

  it("the page shows the proposals in the seeded order and maps the ticked position back to the canonical number", () => {
    for (const seed of ["1", "2", "3", "17", "4242"]) {
      const order = optionOrder(seed, question.id, 4);
      const shown = publicChallenge(question, order).proposals;
      expect(shown).toEqual(order.map((n) => ["Alpha", "Bravo", "Charlie", "Delta"][n - 1]));
      const position = shown.indexOf("Charlie") + 1;
      const answer = canonicalAnswer({ kind: "displayed-choices", positions: [position] }, question, seed);
      expect(answer).toEqual({ kind: "choices", selected: [3] });
      expect(isAnswerCorrect(question, answer)).toBe(true);
      const other = canonicalAnswer({ kind: "displayed-choices", positions: [shown.indexOf("Alpha") + 1] }, question, seed);
      expect(isAnswerCorrect(question, other)).toBe(false);
    }
  });

  it("a QCM's right proposals are listed in the order the pupil saw them", () => {
    const multiple = qcm({ id: "ch-shuffled-2-a", proposals: ["A", "B", "C", "D"], solution: [1, 3] });
    const order = [3, 2, 4, 1];
    expect(solutionText(multiple, order)).toBe("C ; A");
    expect(solutionText(multiple)).toBe("A ; C");
  });

  it("a position that is not on the page, or choices on a text question, change nothing and say so", () => {
    for (const positions of [[0], [5], [1.5], [Number.NaN]]) {
      expect(() => canonicalAnswer({ kind: "displayed-choices", positions }, question, "1")).toThrow(DomainError);
    }
    expect(() => canonicalAnswer({ kind: "displayed-choices", positions: [1] }, qroc(), "1")).toThrow(DomainError);
  });

  it("typed answers and canonical choices from the platform itself pass through", () => {
    expect(canonicalAnswer({ kind: "choices", selected: [3] }, question, "1")).toEqual({ kind: "choices", selected: [3] });
    expect(canonicalAnswer({ kind: "fields", values: { reponse: "x" } }, qroc(), "1")).toEqual({ kind: "fields", values: { reponse: "x" } });
  });
});
