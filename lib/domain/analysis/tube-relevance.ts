/**
 * "Pertinence" of a tube (sujet) for the Analyse tab: which subjects the class should work on.
 * Per participant, with S = the tube's campaign skills, V = validated among them,
 * r = highest validated level (0 if none), M = tube max level in the campaign,
 * L = max level over all campaign skills, n = lowest non-validated level (M if all validated):
 *
 *   score = 40·r/M + 30·M/L + 20·|V|/|S| + (|V| = 0 ? 0 : 10·r/n)
 *
 * The tube's score is the mean over the campaign's shared participants, those without any data on
 * the tube counting as V = ∅. A LOWER score means a MORE relevant subject (little reached, hard tube).
 *
 * Aggregate form, so SQL can return plain sums per tube (P = shared participants):
 *   mean = (1/P)·Σp score_p
 *        = 40·Σr/(M·P) + 30·M/L + 20·Σ|V|/(|S|·P) + 10·Σ(r/n)/P
 * because M, L, |S| are the same for every participant of the campaign, and the conditional term
 * needs no condition in the sum: |V| = 0 implies r = 0, so r/n is already 0 (n ≥ 1).
 * Participants without a row add 0 to every sum and still count in P.
 *   SELECT tube_id, SUM(highest_validated), SUM(validated_count),
 *          SUM(highest_validated::float8 / lowest_not_validated)
 *   FROM participation_tube_results WHERE participation_id IN (shared ones) GROUP BY tube_id
 */
import type { TubeSummary } from "../scoring/tube-summary";

const REACHED_LEVEL_POINTS = 40;
const DIFFICULTY_POINTS = 30;
const PROGRESS_POINTS = 20;
const NEXT_STEP_POINTS = 10;

/** What is the same for every participant: |S|, M and L. */
export interface TubeShape {
  targetedCount: number;
  tubeMaxLevel: number;
  campaignMaxLevel: number;
}

export type ParticipantTubeData = Pick<TubeSummary, "validatedCount" | "highestValidated" | "lowestNotValidated">;

export interface TubeRelevanceSums {
  /** P: shared participants of the campaign, with or without a row for this tube. */
  participantsCount: number;
  /** Σ r */
  highestValidatedSum: number;
  /** Σ |V| */
  validatedCountSum: number;
  /** Σ r/n */
  highestOverLowestNotValidatedSum: number;
}

function assertShape({ targetedCount, tubeMaxLevel, campaignMaxLevel }: TubeShape): void {
  if (targetedCount < 1 || tubeMaxLevel < 1 || campaignMaxLevel < tubeMaxLevel) {
    throw new RangeError(`invalid tube shape |S|=${targetedCount} M=${tubeMaxLevel} L=${campaignMaxLevel}`);
  }
}

/** Score of one participant; `null` data = nothing validated on the tube. */
export function participantTubeScore(shape: TubeShape, data: ParticipantTubeData | null): number {
  assertShape(shape);
  const { targetedCount, tubeMaxLevel, campaignMaxLevel } = shape;
  const validated = data?.validatedCount ?? 0;
  const reached = validated === 0 ? 0 : data!.highestValidated;
  const nextStep = validated === 0 ? 0 : (NEXT_STEP_POINTS * reached) / Math.max(1, data!.lowestNotValidated);
  return (
    (REACHED_LEVEL_POINTS * reached) / tubeMaxLevel +
    (DIFFICULTY_POINTS * tubeMaxLevel) / campaignMaxLevel +
    (PROGRESS_POINTS * validated) / targetedCount +
    nextStep
  );
}

/** Sums over the participants that have data; `participantsCount` includes those that have none. */
export function relevanceSums(data: readonly ParticipantTubeData[], participantsCount: number): TubeRelevanceSums {
  if (participantsCount < data.length) throw new RangeError("participantsCount counts every shared participant");
  const sums: TubeRelevanceSums = {
    participantsCount,
    highestValidatedSum: 0,
    validatedCountSum: 0,
    highestOverLowestNotValidatedSum: 0,
  };
  for (const row of data) {
    if (row.validatedCount === 0) continue; // r = 0 then: adds nothing
    sums.highestValidatedSum += row.highestValidated;
    sums.validatedCountSum += row.validatedCount;
    sums.highestOverLowestNotValidatedSum += row.highestValidated / Math.max(1, row.lowestNotValidated);
  }
  return sums;
}

/** Mean score of the tube from the sums; `null` without any shared participant (nothing to recommend). */
export function averageTubeRelevance(shape: TubeShape, sums: TubeRelevanceSums): number | null {
  assertShape(shape);
  const { targetedCount, tubeMaxLevel, campaignMaxLevel } = shape;
  const participants = sums.participantsCount;
  if (participants === 0) return null;
  return (
    (REACHED_LEVEL_POINTS * sums.highestValidatedSum) / (tubeMaxLevel * participants) +
    (DIFFICULTY_POINTS * tubeMaxLevel) / campaignMaxLevel +
    (PROGRESS_POINTS * sums.validatedCountSum) / (targetedCount * participants) +
    (NEXT_STEP_POINTS * sums.highestOverLowestNotValidatedSum) / participants
  );
}

export type RelevanceLabel = "Très recommandé" | "Fortement recommandé" | "Recommandé" | "Assez recommandé";

export interface RelevanceLevel {
  label: RelevanceLabel;
  /** Filled bubbles out of 4. */
  bubbles: 1 | 2 | 3 | 4;
}

/** Buckets on the unrounded score: ≤ 25, ≤ 50, ≤ 75, above. */
export function relevanceLevel(score: number): RelevanceLevel {
  if (score <= 25) return { label: "Très recommandé", bubbles: 4 };
  if (score <= 50) return { label: "Fortement recommandé", bubbles: 3 };
  if (score <= 75) return { label: "Recommandé", bubbles: 2 };
  return { label: "Assez recommandé", bubbles: 1 };
}

/** Most relevant (lowest score) first; tubes without a score last. */
export function compareRelevance(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

/** Stable sort, most relevant first; `tieBreak` orders equal scores (e.g. by practical title). */
export function sortByRelevance<T>(
  items: readonly T[],
  scoreOf: (item: T) => number | null,
  tieBreak: (a: T, b: T) => number = () => 0,
): T[] {
  return [...items].sort((a, b) => compareRelevance(scoreOf(a), scoreOf(b)) || tieBreak(a, b));
}
