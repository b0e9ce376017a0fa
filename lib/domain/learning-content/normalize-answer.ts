import { distance } from "fastest-levenshtein";
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

/** t2: punctuation is ignored. */
export function applyT2(value: string): string {
  return value.replace(PUNCTUATION, "");
}

export function normalizeText(value: string, tolerances: readonly Tolerance[]): string {
  let result = value.trim();
  if (tolerances.includes("t1")) result = applyT1(result);
  if (tolerances.includes("t2")) result = applyT2(result);
  return result;
}

/**
 * True when the answer matches the expected text under the tolerances.
 * t3 accepts a Levenshtein distance of at most 25 % of the expected answer's length:
 * measuring against the expected text (not the typed one) keeps a long garbage answer
 * from buying itself more typos.
 */
export function textMatches(answer: string, expected: string, tolerances: readonly Tolerance[]): boolean {
  const a = normalizeText(answer, tolerances);
  const e = normalizeText(expected, tolerances);
  if (a.length === 0) return false;
  if (a === e) return true;
  if (!tolerances.includes("t3")) return false;
  return distance(a, e) <= Math.floor(e.length * 0.25);
}

/** Parses "1 234,5", "1234.5", "-3" as numbers; returns null for anything else. */
export function parseFrenchNumber(value: string): number | null {
  const compact = value.trim().replace(/[\s\u00a0\u202f]/gu, "").replace(",", ".");
  if (!/^[-+]?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

export function numberMatches(answer: string, expected: string): boolean {
  const a = parseFrenchNumber(answer);
  const e = parseFrenchNumber(expected);
  return a !== null && e !== null && Math.abs(a - e) < 1e-9;
}
