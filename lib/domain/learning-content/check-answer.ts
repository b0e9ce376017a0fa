import type { ChallengeSource } from "./schema";
import { numberMatches, textMatches, type Tolerance } from "./normalize-answer";

/** What a pupil submits: chosen proposal numbers (1-based) or the text of each field. */
export type AnswerInput =
  | { kind: "choices"; selected: number[] }
  | { kind: "fields"; values: Record<string, string> };

type TextRules = { format: string; tolerances: readonly Tolerance[] };

function matchesOne(value: string, accepted: readonly string[], rules: TextRules): boolean {
  if (rules.format === "nombre") return accepted.some((expected) => numberMatches(value, expected));
  return accepted.some((expected) => textMatches(value, expected, rules.tolerances));
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === a.length && left.size === right.size && [...left].every((x) => right.has(x));
}

/**
 * Fields of a QROCM-dep must each match a different group of accepted answers:
 * a small bipartite matching, solved by trying groups in turn (at most 6 fields).
 */
function matchDistinctGroups(values: readonly string[], groups: readonly (readonly string[])[], rules: TextRules): boolean {
  const used = new Set<number>();
  const assign = (fieldIndex: number): boolean => {
    if (fieldIndex === values.length) return true;
    for (let g = 0; g < groups.length; g++) {
      if (used.has(g) || !matchesOne(values[fieldIndex], groups[g], rules)) continue;
      used.add(g);
      if (assign(fieldIndex + 1)) return true;
      used.delete(g);
    }
    return false;
  };
  return assign(0);
}

/** Pure answer checking for every challenge type. */
export function isAnswerCorrect(challenge: ChallengeSource, answer: AnswerInput): boolean {
  switch (challenge.type) {
    case "QCU":
      return answer.kind === "choices" && answer.selected.length === 1 && answer.selected[0] === challenge.solution;
    case "QCM":
      return answer.kind === "choices" && sameSet(answer.selected, challenge.solution);
    case "QROC": {
      if (answer.kind !== "fields") return false;
      return matchesOne(answer.values[challenge.field.key] ?? "", challenge.solutions, challenge);
    }
    case "QROCM-ind": {
      if (answer.kind !== "fields") return false;
      return challenge.fields.every((field) => matchesOne(answer.values[field.key] ?? "", field.solutions, challenge));
    }
    case "QROCM-dep": {
      if (answer.kind !== "fields") return false;
      const values = challenge.fields.map((field) => answer.values[field.key] ?? "");
      return matchDistinctGroups(values, challenge.solutionGroups, challenge);
    }
  }
}

/** The challenge's own right answer, as a pupil would type or tick it (used by content checks). */
export function expectedAnswer(challenge: ChallengeSource): AnswerInput {
  switch (challenge.type) {
    case "QCU":
      return { kind: "choices", selected: [challenge.solution] };
    case "QCM":
      return { kind: "choices", selected: [...challenge.solution] };
    case "QROC":
      return { kind: "fields", values: { [challenge.field.key]: challenge.solutions[0] } };
    case "QROCM-ind":
      return { kind: "fields", values: Object.fromEntries(challenge.fields.map((f) => [f.key, f.solutions[0]])) };
    case "QROCM-dep":
      return {
        kind: "fields",
        values: Object.fromEntries(challenge.fields.map((f, i) => [f.key, challenge.solutionGroups[i][0]])),
      };
  }
}
