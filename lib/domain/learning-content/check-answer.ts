import type { ChallengeSource } from "./schema";
import { questionTerms, type QuestionTerms } from "./answer-context";
import { canonicalDate, canonicalEmail, canonicalUrl } from "./formatted-answer";
import { textMatches, type Tolerance } from "./normalize-answer";
import { numberMatches } from "./number-answer";

/** What a pupil submits: chosen proposal numbers (1-based, canonical order) or the text of each field. */
export type AnswerInput =
  | { kind: "choices"; selected: number[] }
  | { kind: "fields"; values: Record<string, string> };

type TextRules = { format: string; tolerances: readonly Tolerance[]; terms: QuestionTerms };

/**
 * One typed value against one accepted answer. `strict` keeps only the item's own tolerances: it tells apart
 * two accepted answers that the friendlier rules would merge (« vers » and « ver »).
 */
function matches(value: string, expected: string, rules: TextRules, strict = false): boolean {
  switch (rules.format) {
    case "nombre":
      return numberMatches(value, expected, strict ? undefined : rules.terms);
    case "url":
      return textMatches(canonicalUrl(value, expected), canonicalUrl(expected, expected), rules.tolerances, undefined, strict);
    case "email":
      return textMatches(canonicalEmail(value), canonicalEmail(expected), rules.tolerances, undefined, strict);
    case "date": {
      const [a, e] = [canonicalDate(value), canonicalDate(expected)];
      return a !== null && e !== null ? a === e : textMatches(value, expected, rules.tolerances, rules.terms, strict);
    }
    default:
      return textMatches(value, expected, rules.tolerances, rules.terms, strict);
  }
}

function matchesOne(value: string, accepted: readonly string[], rules: TextRules, strict = false): boolean {
  return accepted.some((expected) => matches(value, expected, rules, strict));
}

/** Question terms per challenge and field label, computed once (content checks run thousands of answers). */
const termsCache = new WeakMap<ChallengeSource, Map<string, QuestionTerms>>();

function rulesFor(challenge: Extract<ChallengeSource, { format: string }>, label: string): TextRules {
  const byLabel = termsCache.get(challenge) ?? new Map<string, QuestionTerms>();
  termsCache.set(challenge, byLabel);
  let terms = byLabel.get(label);
  if (!terms) byLabel.set(label, (terms = questionTerms({ instruction: challenge.instruction, label })));
  return { format: challenge.format, tolerances: challenge.tolerances, terms };
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === a.length && left.size === right.size && [...left].every((x) => right.has(x));
}

/**
 * Fields of a QROCM-dep must each match a different group of accepted answers: a small bipartite matching,
 * solved by trying groups in turn (at most 6 fields). A value that is exactly one group's answer counts for
 * that group only, so « vers » and « vers » never pass as « ver » and « vers ».
 */
function matchDistinctGroups(values: readonly string[], groups: readonly (readonly string[])[], rules: readonly TextRules[]): boolean {
  const candidates = values.map((value, f) => {
    const exact = groups.flatMap((group, g) => (matchesOne(value, group, rules[f], true) ? [g] : []));
    return exact.length > 0 ? exact : groups.flatMap((group, g) => (matchesOne(value, group, rules[f]) ? [g] : []));
  });
  const used = new Set<number>();
  const assign = (fieldIndex: number): boolean => {
    if (fieldIndex === values.length) return true;
    for (const g of candidates[fieldIndex]) {
      if (used.has(g)) continue;
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
      return matchesOne(answer.values[challenge.field.key] ?? "", challenge.solutions, rulesFor(challenge, challenge.field.label));
    }
    case "QROCM-ind": {
      if (answer.kind !== "fields") return false;
      return challenge.fields.every((field) => matchesOne(answer.values[field.key] ?? "", field.solutions, rulesFor(challenge, field.label)));
    }
    case "QROCM-dep": {
      if (answer.kind !== "fields") return false;
      const values = challenge.fields.map((field) => answer.values[field.key] ?? "");
      return matchDistinctGroups(values, challenge.solutionGroups, challenge.fields.map((field) => rulesFor(challenge, field.label)));
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
