import { distance } from "fastest-levenshtein";
import { normalizeName } from "./normalize-name";

/** A learner of the establishment that the person typing might be (active learners only: the caller filters). */
export interface MatchCandidate {
  id: number;
  firstName: string;
  middleName?: string | null;
  thirdName?: string | null;
  lastName: string;
  preferredLastName?: string | null;
  /** YYYY-MM-DD. */
  birthdate: string;
}

/** What the pupil typed in "Prénom", "Nom", "Date de naissance". */
export interface TypedIdentity {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD. */
  birthdate: string;
}

export type MatchResult = { kind: "MATCH"; learnerId: number } | { kind: "NO_MATCH" } | { kind: "AMBIGUOUS" };

/** A typed name may differ from the roster by at most 25 % of its own (normalised) length. */
export const MAX_TYPO_RATIO = 0.25;

type NameMatcher = (typed: string, known: string) => boolean;

const exactly: NameMatcher = (typed, known) => typed === known;
const withTypos: NameMatcher = (typed, known) => distance(typed, known) / typed.length <= MAX_TYPO_RATIO;

function normalizedNames(names: readonly (string | null | undefined)[]): string[] {
  return names.map((name) => normalizeName(name ?? "")).filter((name) => name.length > 0);
}

function candidatesMatching(typedFirst: string, typedLast: string, candidates: readonly MatchCandidate[], matches: NameMatcher) {
  return candidates.filter((candidate) => {
    const firstNames = normalizedNames([candidate.firstName, candidate.middleName, candidate.thirdName]);
    const lastNames = normalizedNames([candidate.lastName, candidate.preferredLastName]);
    return firstNames.some((name) => matches(typedFirst, name)) && lastNames.some((name) => matches(typedLast, name));
  });
}

/**
 * Reconciliation of a pupil with the roster (Pix's user-reconciliation-service):
 * only learners born on exactly the typed date are candidates; the typed first name must match the first,
 * second or third first name and the typed last name the family or usage name. An exact pass runs first,
 * then a pass tolerating typos; a pass concludes only when it finds exactly one learner. Two learners
 * matching equally well give AMBIGUOUS: the teacher has to sort it out, we never guess.
 */
export function matchLearner(typed: TypedIdentity, candidates: readonly MatchCandidate[]): MatchResult {
  const typedFirst = normalizeName(typed.firstName);
  const typedLast = normalizeName(typed.lastName);
  if (!typedFirst || !typedLast) return { kind: "NO_MATCH" };

  const sameBirthdate = candidates.filter((candidate) => candidate.birthdate === typed.birthdate);
  for (const matches of [exactly, withTypos]) {
    const found = candidatesMatching(typedFirst, typedLast, sameBirthdate, matches);
    if (found.length === 1) return { kind: "MATCH", learnerId: found[0].id };
    // The tolerant pass only widens the exact one: several exact matches stay several.
    if (found.length > 1) return { kind: "AMBIGUOUS" };
  }
  return { kind: "NO_MATCH" };
}

/**
 * The roster entries a typed name aims at, whatever the birthdate: those the tolerant pass would match if the date
 * were right. Identity checks are limited per entry aimed at, so that neither another address nor another spelling
 * of the same name gives an attacker more tries at a classmate's birthdate.
 */
export function learnersAimedAt(typed: Pick<TypedIdentity, "firstName" | "lastName">, candidates: readonly MatchCandidate[]): number[] {
  const typedFirst = normalizeName(typed.firstName);
  const typedLast = normalizeName(typed.lastName);
  if (!typedFirst || !typedLast) return [];
  return candidatesMatching(typedFirst, typedLast, candidates, withTypos).map((candidate) => candidate.id);
}
