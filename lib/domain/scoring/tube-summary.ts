/**
 * Per-tube summary of one participant, computed once at sharing from the knowledge snapshot and
 * stored (participation_tube_results). Analyse, Résultats and the CSV export read these rows
 * instead of replaying knowledge elements.
 */

export interface TubeSkill {
  id: string;
  /** Difficulty 1..8. */
  level: number;
}

export interface TubeSummary {
  /** |S|: campaign skills of the tube. */
  targetedCount: number;
  /** |V|: those the participant validated. */
  validatedCount: number;
  /** r: highest validated level, 0 if none. */
  highestValidated: number;
  /** n: lowest level not validated, the tube's max level (M) if all are validated. */
  lowestNotValidated: number;
}

export interface CampaignSkill extends TubeSkill {
  tubeId: string;
  competenceId: string;
}

export interface TubeSummaryRow extends TubeSummary {
  tubeId: string;
  competenceId: string;
}

/**
 * Levels need not be "downward closed": a profile reused from other campaigns may hold level 3
 * validated and level 2 failed, so r > n can happen and is kept as is.
 */
export function summarizeTube(targetSkills: readonly TubeSkill[], validatedSkillIds: ReadonlySet<string>): TubeSummary {
  if (targetSkills.length === 0) throw new Error("a tube of a campaign has at least one skill");
  let validatedCount = 0;
  let highestValidated = 0;
  let lowestNotValidated = Number.POSITIVE_INFINITY;
  let maxLevel = 0;
  for (const skill of targetSkills) {
    maxLevel = Math.max(maxLevel, skill.level);
    if (validatedSkillIds.has(skill.id)) {
      validatedCount++;
      highestValidated = Math.max(highestValidated, skill.level);
    } else {
      lowestNotValidated = Math.min(lowestNotValidated, skill.level);
    }
  }
  return {
    targetedCount: targetSkills.length,
    validatedCount,
    highestValidated,
    lowestNotValidated: Number.isFinite(lowestNotValidated) ? lowestNotValidated : maxLevel,
  };
}

/** One row per tube of the campaign, in order of first appearance of the tube in `campaignSkills`. */
export function summarizeTubes(campaignSkills: readonly CampaignSkill[], validatedSkillIds: ReadonlySet<string>): TubeSummaryRow[] {
  const byTube = new Map<string, CampaignSkill[]>();
  for (const skill of campaignSkills) {
    const skills = byTube.get(skill.tubeId);
    if (skills) skills.push(skill);
    else byTube.set(skill.tubeId, [skill]);
  }
  return [...byTube].map(([tubeId, skills]) => ({
    tubeId,
    competenceId: skills[0].competenceId,
    ...summarizeTube(skills, validatedSkillIds),
  }));
}

/** M: the tube's max level among the campaign skills. */
export function tubeMaxLevel(targetSkills: readonly TubeSkill[]): number {
  return targetSkills.reduce((max, skill) => Math.max(max, skill.level), 0);
}

/** Validated campaign skills per competence id ({"comp-1-1": 3, …}): the CSV export's per-competence columns. */
export function validatedByCompetence(rows: readonly TubeSummaryRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.competenceId] = (counts[row.competenceId] ?? 0) + row.validatedCount;
  return counts;
}
