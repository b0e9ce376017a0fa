import { HEDGE_WORDS, SMALL_WORDS, simplify, singular, type QuestionTerms } from "./answer-context";
import { isUnitFamilyName, unitFamily } from "./answer-units";
import { isNumberWord, parseNumberWords } from "./french-number-words";
import { cleanTyping } from "./normalize-answer";

/**
 * Numeric answers (`format: "nombre"`) as pupils type them: « 1 234,5 », « six », « 72 heures », « 300 px »,
 * « le 3018 », « ligne 2 », « a = 18 », « 6 h 30 » for 6,5 hours. Whatever surrounds the number must be the
 * unit the question asks for or words of the question itself; a hedge (« environ 10 », « 10 ou 11 ») or a
 * second number is never read as an answer.
 */

/** Parses "1 234,5", "1234.5", "-3" as numbers; returns null for anything else. */
export function parseFrenchNumber(value: string): number | null {
  const compact = value.trim().replace(/[\s\u00a0\u202f]/gu, "").replace(",", ".");
  if (!/^[-+]?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

const NUMERIC = /^[-+]?\d+([.,]\d+)?$/;

/** Merges « 1 200 » into one number and splits « 48px », « x100 », « 22kg/an », « 5" », « vingt-sept » into words. */
function tokenize(text: string): string[] {
  const spaced = text
    .replace(/pour ?cents?\b/g, "%")
    .replace(/(?<![\d.,])(\d{1,3})((?: \d{3})+)(?!\d)/g, (_, head: string, groups: string) => head + groups.replace(/ /g, ""))
    .replace(/(\d)([a-z€%°×"])/g, "$1 $2")
    .replace(/([a-z€%°×])(\d)/g, "$1 $2")
    .replace(/\//g, " / ");
  const tokens: string[] = [];
  for (const raw of spaced.split(/\s+/).filter(Boolean)) {
    const parts = raw.split("-");
    const isNumberInWords = parts.length > 1 && parts.every((p) => isNumberWord(p));
    tokens.push(...(isNumberInWords ? parts : [raw]));
  }
  return tokens;
}

function isQuestionWord(token: string, terms: QuestionTerms): boolean {
  return terms.words.has(singular(token)) && !HEDGE_WORDS.has(token);
}

function isMentionedUnit(token: string, terms: QuestionTerms): boolean {
  const family = unitFamily(token);
  return family !== undefined && (terms.unitFamilies.has(family) || terms.askedUnits.has(family));
}

function acceptsPrefix(tokens: readonly string[], terms: QuestionTerms): boolean {
  if (tokens.length > 3) return false;
  return tokens.every((t) => SMALL_WORDS.has(t) || isQuestionWord(t, terms) || (unitFamily(t) === "fois" && isMentionedUnit(t, terms)));
}

/** A month after a number makes a date (« 3 mars »), never a count. */
const MONTHS = new Set(["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"]);

/**
 * What may follow the number. When the question asks for a unit (« en heures », « combien de Mo »), only that unit
 * in any spelling of its family (« h », « heures »): another unit it mentions (« 16 minutes » where the data is given
 * in minutes and the total asked in hours) or any other of its words (« 16 Elio », « 16 téléphones ») is another
 * claim. Otherwise the noun counted (« 3 articles » to « Combien d'articles… ? ») or a noun of the question the pupil
 * repeats (« 3 élèves » to « combien de lignes d'élèves », « 16 points » to « Que vaut points ? »), never a date.
 */
function acceptsUnit(tokens: readonly string[], terms: QuestionTerms): boolean {
  if (tokens.length === 0) return true;
  if (tokens.length > 3) return false;
  const [first, ...rest] = tokens;
  const family = unitFamily(first);
  const key = family ?? singular(first);
  const asksForUnit = [...terms.askedUnits].some(isUnitFamilyName);
  const repeatsQuestion = family === undefined && !asksForUnit && isQuestionWord(first, terms) && !MONTHS.has(first);
  const firstOk = terms.askedUnits.has(key) || repeatsQuestion || (terms.askedUnits.size === 0 && isMentionedUnit(first, terms));
  const restOk = (t: string) => SMALL_WORDS.has(t) || (isQuestionWord(t, terms) && !(asksForUnit && unitFamily(t) !== undefined) && !MONTHS.has(t));
  return firstOk && rest.every(restOk);
}

/** « kg/an », « kg par an »: the unit, then what it is counted per (a word of the question). */
function acceptsSuffix(tokens: readonly string[], terms: QuestionTerms): boolean {
  const per = tokens.findIndex((t) => t === "/" || t === "par");
  if (per < 0) return acceptsUnit(tokens, terms);
  const after = tokens.slice(per + 1);
  return acceptsUnit(tokens.slice(0, per), terms) && after.length === 1 && (isQuestionWord(after[0], terms) || isMentionedUnit(after[0], terms));
}

/** « 6 h 30 » (or « 6h30 min ») in hours, when the question asks for hours: 6,5. */
function decimalHours(text: string, terms: QuestionTerms): string {
  if (!terms.askedUnits.has("heure")) return text;
  return text.replace(/(\d{1,2}) ?h ?([0-5]\d)(?: ?(?:min(?:utes?)?|mn))?/g, (_, h: string, m: string) => `${Number(h) + Number(m) / 60} h`);
}

/** The number a pupil means, or null when the answer is not one number said plainly. */
export function readNumberAnswer(typed: string, terms?: QuestionTerms): number | null {
  let text = simplify(cleanTyping(typed, ""));
  const plain = parseFrenchNumber(text);
  if (plain !== null || !terms) return plain;
  const assignment = /^([a-z_][a-z0-9_]*) ?(?:=|:|vaut) ?(.+)$/.exec(text);
  if (assignment && terms.words.has(singular(assignment[1]))) text = assignment[2];
  const power = /^(\d{1,3}) ?\^ ?(\d{1,2})$/.exec(text);
  if (power) return Number(power[1]) ** Number(power[2]);
  const tokens = tokenize(decimalHours(text, terms));
  const numeric = tokens.flatMap((t, i) => (NUMERIC.test(t) ? [i] : []));
  const wordIndexes = tokens.flatMap((t, i) => (isNumberWord(t) ? [i] : []));
  let start: number;
  let end: number;
  let value: number | null;
  if (numeric.length === 1 && wordIndexes.every((i) => tokens[i] === "et" || SMALL_WORDS.has(tokens[i]))) {
    start = numeric[0];
    end = start + 1;
    value = Number(tokens[start].replace(",", "."));
  } else if (numeric.length === 0 && wordIndexes.length > 0) {
    start = wordIndexes[0];
    end = wordIndexes.at(-1)! + 1;
    if (wordIndexes.length !== end - start) return null;
    value = parseNumberWords(tokens.slice(start, end));
  } else return null;
  if (value === null) return null;
  return acceptsPrefix(tokens.slice(0, start), terms) && acceptsSuffix(tokens.slice(end), terms) ? value : null;
}

export function numberMatches(answer: string, expected: string, terms?: QuestionTerms): boolean {
  const a = readNumberAnswer(answer, terms);
  const e = parseFrenchNumber(expected) ?? readNumberAnswer(expected, terms);
  return a !== null && e !== null && Math.abs(a - e) < 1e-9;
}
