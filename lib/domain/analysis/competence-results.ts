/**
 * Results per competence ("Résultats par compétence").
 * Collective (Analyse tab): averageValidatedSkills = Σ validated campaign skills of the competence
 * over the shared participants / number of shared participants, shown as a percentage of the
 * competence's campaign skills: round(100 × Σ validated / (participants × targeted)).
 * Individual: the same with one participant, from their per-tube rows.
 */
import { masteryPercent } from "../scoring/mastery";
import type { TubeSummaryRow } from "../scoring/tube-summary";

export interface CompetenceCounts {
  competenceId: string;
  targetedCount: number;
  validatedCount: number;
}

export interface CompetenceTarget {
  competenceId: string;
  /** Campaign skills of the competence. */
  targetedCount: number;
}

export interface CompetenceCollectiveResult {
  competenceId: string;
  targetedCount: number;
  /** null without any shared participant. */
  averageValidatedSkills: number | null;
  /** Integer percentage, null without any shared participant. */
  masteryPercent: number | null;
}

/** Targeted and validated counts per competence, from one participant's per-tube rows (in order of appearance). */
export function competenceCounts(rows: readonly Pick<TubeSummaryRow, "competenceId" | "targetedCount" | "validatedCount">[]): CompetenceCounts[] {
  const byCompetence = new Map<string, CompetenceCounts>();
  for (const row of rows) {
    const counts = byCompetence.get(row.competenceId) ?? { competenceId: row.competenceId, targetedCount: 0, validatedCount: 0 };
    counts.targetedCount += row.targetedCount;
    counts.validatedCount += row.validatedCount;
    byCompetence.set(row.competenceId, counts);
  }
  return [...byCompetence.values()];
}

/**
 * @param validatedSums Σ validated skills per competence over the shared participants
 *   (a missing competence means nobody validated any of its skills).
 */
export function competenceCollectiveResults(
  competences: readonly CompetenceTarget[],
  validatedSums: ReadonlyMap<string, number>,
  participantsCount: number,
): CompetenceCollectiveResult[] {
  if (!Number.isInteger(participantsCount) || participantsCount < 0) {
    throw new RangeError(`participantsCount must be a non-negative integer, got ${participantsCount}`);
  }
  return competences.map(({ competenceId, targetedCount }) => {
    if (participantsCount === 0) return { competenceId, targetedCount, averageValidatedSkills: null, masteryPercent: null };
    const validatedSum = validatedSums.get(competenceId) ?? 0;
    return {
      competenceId,
      targetedCount,
      averageValidatedSkills: validatedSum / participantsCount,
      // Exact integer rounding: Σ validated out of participants × targeted.
      masteryPercent: masteryPercent(validatedSum, participantsCount * targetedCount),
    };
  });
}
