/**
 * What the teacher's tabs show of a « Collecter les profils » campaign: the same figures as its CSV export (pix,
 * level per competence, certifiability), summed over the profiles received.
 */
import { masteryPercent } from "./mastery";
import { MAX_REACHABLE_LEVEL, competenceLevel } from "./pix-profile";

/** One row of campaign_competence_levels: profiles counted whose pix in the competence give that level. */
export interface CompetenceLevelCount {
  competenceId: string;
  level: number;
  participantsCount: number;
  pixSum: number;
}

export interface CompetenceLevelDistribution {
  competenceId: string;
  /** Index = level, 0..MAX_REACHABLE_LEVEL; adds up to the profiles counted. */
  countsByLevel: number[];
  /** Profiles at level 1 or more (the level counting towards certifiability). */
  atLeastLevelOne: number;
  /** null without any profile. */
  averageLevel: number | null;
  averagePix: number | null;
}

/**
 * Per competence, how many profiles reach each level. The read model only holds the competences a profile has pix
 * in, so level 0 is what remains: a competence never tested is level 0 as much as one tested without success.
 */
export function competenceLevelDistributions(
  competences: readonly { id: string }[],
  rows: readonly CompetenceLevelCount[],
  participantsCount: number,
  maxLevel = MAX_REACHABLE_LEVEL,
): CompetenceLevelDistribution[] {
  return competences.map(({ id }) => {
    const countsByLevel = Array.from({ length: maxLevel + 1 }, () => 0);
    let pixSum = 0;
    let levelSum = 0;
    for (const row of rows) {
      if (row.competenceId !== id) continue;
      pixSum += row.pixSum;
      if (row.level <= 0) continue;
      // Pix are kept capped at sharing; a level above today's maximum (a cap raised since) still counts, at the top.
      const level = Math.min(row.level, maxLevel);
      countsByLevel[level] += row.participantsCount;
      levelSum += level * row.participantsCount;
    }
    const atLeastLevelOne = countsByLevel.reduce((sum, count) => sum + count, 0);
    countsByLevel[0] = Math.max(0, participantsCount - atLeastLevelOne);
    return {
      competenceId: id,
      countsByLevel,
      atLeastLevelOne,
      averageLevel: participantsCount === 0 ? null : levelSum / participantsCount,
      averagePix: participantsCount === 0 ? null : pixSum / participantsCount,
    };
  });
}

/** The pupil's profile on the detail page: every competence of the framework, 0 pix where none were kept. */
export function profileCompetenceRows(
  competences: readonly { id: string }[],
  pixByCompetence: Readonly<Record<string, number>>,
): { competenceId: string; pix: number; level: number }[] {
  return competences.map(({ id }) => {
    const pix = Number.isFinite(pixByCompetence[id]) ? pixByCompetence[id] : 0;
    return { competenceId: id, pix, level: competenceLevel(pix) };
  });
}

/** Whole percentage of certifiable pupils among the profiles received (null when none were received). */
export function certifiablePercent(certifiableCount: number, receivedCount: number): number | null {
  return receivedCount === 0 ? null : masteryPercent(certifiableCount, receivedCount);
}
