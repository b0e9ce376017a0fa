import { distance } from "fastest-levenshtein";
import { HEDGE_WORDS, SMALL_WORDS, simplify, singular, type QuestionTerms } from "./answer-context";
import type { TOLERANCES } from "./schema";

export type Tolerance = (typeof TOLERANCES)[number];

/** t1: case, accents and every space are ignored. */
export function applyT1(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/gu, "");
}

/** Sentence punctuation; symbols that carry meaning (@ % & # € + =) are not in it. */
const PUNCTUATION = /[.,;:!?¿¡'’‘"“”«»()[\]{}\-‐–—…_/\\]/gu;

/** t2: punctuation is ignored, and so is a « + » joining two words (« Ctrl+Entrée » is « Ctrl Entrée »). */
export function applyT2(value: string): string {
  return value.replace(/(?<=\p{L})\+(?=\p{L})/gu, "").replace(PUNCTUATION, "");
}

export function normalizeText(value: string, tolerances: readonly Tolerance[]): string {
  let result = value.trim();
  if (tolerances.includes("t1")) result = applyT1(result);
  if (tolerances.includes("t2")) result = applyT2(result);
  return result;
}

/** What a keyboard or a phone writes for an apostrophe, a quote or a space. */
export function plainTypography(value: string): string {
  return value
    .normalize("NFC")
    .replace(/[’‘ʼ]/gu, "'")
    .replace(/[«»“”„]/gu, '"')
    .replace(/[\u00a0\u202f\u2007]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * What the pupil adds without meaning it: quotes around the whole answer, a final full stop (kept when the
 * expected answer ends with one). Not for exact items (no tolerance: passwords, commands to copy).
 */
export function cleanTyping(value: string, expected: string): string {
  let result = withoutEnclosingQuotes(plainTypography(value), expected);
  if (result.endsWith(".") && !expected.trim().endsWith(".")) result = result.slice(0, -1).trimEnd();
  return result;
}

/** « "McTa3aealt!" » is the pupil quoting the answer, unless the expected answer is itself quoted. */
function withoutEnclosingQuotes(value: string, expected: string): string {
  const quoted = /^(["'])(.+)\1$/u.exec(value);
  return quoted && !/^["']/.test(expected.trim()) ? quoted[2].trim() : value;
}

/**
 * « B (freemium) », « 192.168.1.1 (passerelle) »: an aside in parentheses after the answer, made of words only
 * and without a hedge (« B (ou C) » stays as typed).
 */
function withoutAside(value: string): string {
  const aside = /^(.+?)\s*\(([^()]*)\)$/u.exec(value);
  if (!aside) return value;
  const words = simplify(aside[2]).match(/[a-z]+/g) ?? [];
  const isComment = /^[\p{L}\s'’-]+$/u.test(aside[2]) && words.some((w) => w.length >= 4) && words.every((w) => !HEDGE_WORDS.has(w));
  return isComment ? aside[1] : value;
}

/** Same term, two spellings: the acronym and its expansion that pupils type for it. */
const EQUIVALENT_TERMS: readonly [RegExp, string][] = [
  [/\bcreative commons\b/g, "cc"],
  [/\bpour ?cents?\b/g, "%"],
];

/** « 10 h », « 10h00 », « 10:00 », « 10 heures » are one time of day. */
function canonicalTimes(text: string): string {
  return text.replace(/\b(\d{1,2}) ?(?:h|heures?|:) ?([0-5]\d)?\b/g, (_, hours: string, minutes?: string) => `${Number(hours)}h${minutes && minutes !== "00" ? minutes : ""}`);
}

/**
 * The forms in which two answers are compared under t1: lower case, no accents, one spelling per time of day,
 * with and without the usual acronyms (so that a typo in « Creative Comons » is still a small typo); under t2
 * (the form of the words does not matter) plural marks go too.
 */
function foldedForms(text: string, withoutPlurals: boolean): string[] {
  const base = canonicalTimes(simplify(text));
  let shortened = base;
  for (const [pattern, replacement] of EQUIVALENT_TERMS) shortened = shortened.replace(pattern, replacement);
  const forms = shortened === base ? [base] : [base, shortened];
  return withoutPlurals ? forms.map((f) => f.replace(/[a-z0-9]+/g, singular)) : forms;
}

function tokensOf(simplified: string): string[] {
  return simplified.split(/\s+|(?<=')/u).filter(Boolean);
}

const bare = (token: string) => singular(token.replace(/[^a-z0-9]/g, ""));

/**
 * The answer without what a pupil adds when following the question's wording: leading articles
 * (« le pare-feu », « l'historique ») and the name of what is asked (« la touche Tab », « l'outil recadrage »).
 * Every remainder is a candidate; the answer itself is the first.
 */
export function answerCores(simplified: string, terms?: QuestionTerms): string[] {
  const tokens = tokensOf(simplified);
  const cores = [simplified];
  let i = 0;
  for (let step = 0; step < 4 && i < tokens.length; step++) {
    const start = i;
    while (i < tokens.length - 1 && SMALL_WORDS.has(bare(tokens[i]))) i++;
    const prefix = terms?.categoryPrefixes.find((p) => i + p.length < tokens.length && p.every((word, k) => bare(tokens[i + k]) === singular(word)));
    if (i > start) cores.push(tokens.slice(i).join(" "));
    if (!prefix) break;
    i += prefix.length;
    cores.push(tokens.slice(i).join(" "));
  }
  if (terms) for (const core of [...cores]) cores.push(withoutComplement(core, terms));
  return [...new Set(cores)];
}

/** « habillage du texte », « appareils des utilisateurs »: a complement that only repeats the question. */
function withoutComplement(core: string, terms: QuestionTerms): string {
  const tokens = tokensOf(core);
  const link = tokens.findLastIndex((t) => ["de", "du", "des", "d"].includes(bare(t)));
  if (link < 1) return core;
  const complement = tokens.slice(link + 1).map(bare);
  const isRestatement = complement.length > 0 && complement.length <= 3 && complement.every((w) => SMALL_WORDS.has(w) || (terms.words.has(w) && !HEDGE_WORDS.has(w)));
  return isRestatement && complement.some((w) => !SMALL_WORDS.has(w)) ? tokens.slice(0, link).join(" ") : core;
}

function closeEnough(answer: string, expected: string, tolerances: readonly Tolerance[]): boolean {
  const a = normalizeText(answer, tolerances);
  const e = normalizeText(expected, tolerances);
  if (a.length === 0) return false;
  if (a === e) return true;
  // t3 accepts a Levenshtein distance of at most 25 % of the expected answer's length: measuring against the
  // expected text (not the typed one) keeps a long garbage answer from buying itself more typos.
  return tolerances.includes("t3") && distance(a, e) <= Math.floor(e.length * 0.25);
}

/**
 * True when the answer matches the expected text under the tolerances. Under t1 (case and accents ignored),
 * the answer may also carry a leading article or the name of what is asked, plural marks, a typographic
 * apostrophe, a final full stop; `strict` keeps only the item's tolerances (used to tell apart two accepted
 * answers that differ by one of these, like « ver » and « vers »).
 */
export function textMatches(answer: string, expected: string, tolerances: readonly Tolerance[], terms?: QuestionTerms, strict = false): boolean {
  if (tolerances.length === 0) return closeEnough(withoutEnclosingQuotes(plainTypography(answer), expected), plainTypography(expected), tolerances);
  const typed = cleanTyping(answer, expected);
  const wanted = cleanTyping(expected, expected);
  if (strict || !tolerances.includes("t1")) return closeEnough(typed, wanted, tolerances);
  const withoutPlurals = tolerances.includes("t2");
  const expectedForms = answerCores(simplify(wanted)).flatMap((e) => foldedForms(e, withoutPlurals));
  const typedCores = [...new Set([typed, withoutAside(typed)])].flatMap((t) => answerCores(simplify(t), terms));
  return typedCores.some((core) => foldedForms(core, withoutPlurals).some((form) => expectedForms.some((e) => closeEnough(form, e, tolerances))));
}
