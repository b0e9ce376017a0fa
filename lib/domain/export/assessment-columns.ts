/**
 * Header and rows of the "Évaluer" (ASSESSMENT) export, column for column as the original:
 * campaign and participant columns, progression, dates, sharing, stars, badges, overall mastery and its
 * precision (« Précision (±) », ours: the ± shown in Pix Orga, same half point, in the mastery's unit: 0,045;
 * empty for results kept before it), then per
 * competence ×3, per area ×3, and one column per skill when the establishment shows skills.
 * Results of unshared participations are "NA". `assessmentRowWriter(campaign)` writes the rows' texts.
 */
import { roundTo } from "../scoring/mastery";
import { precisionPoints } from "../scoring/precision";
import { campaignHeaders, campaignTexts, participantHeaders, pushParticipantTexts } from "./common-columns";
import type { CampaignExportInfo, ParticipantIdentity } from "./common-columns";
import { NOT_AVAILABLE_TEXT, NO_TEXT, YES_TEXT, dateTimeText, numberText } from "./csv-cells";

export interface ExportCompetence {
  id: string;
  /** e.g. "Mener une recherche et une veille d'information" */
  name: string;
  areaId: string;
  /** Campaign skills of the competence. */
  targetedCount: number;
}

export interface ExportArea {
  id: string;
  /** e.g. "Information et données" */
  title: string;
}

export interface AssessmentCampaignExport extends CampaignExportInfo {
  targetProfileName: string;
  /** Stages of the target profile; 0 = no "Palier obtenu" column. */
  stagesCount: number;
  /** Only competences having campaign skills, in framework order. */
  competences: readonly ExportCompetence[];
  /** Areas of those competences, in framework order. */
  areas: readonly ExportArea[];
  badges?: readonly { title: string }[];
  /** Set when the establishment shows skills (one OK / KO / Non testé column per campaign skill). */
  skills?: readonly { id: string; name: string }[];
}

export type SkillStatus = "VALIDATED" | "INVALIDATED";

export interface AssessmentParticipantExport extends ParticipantIdentity {
  createdAt: Date;
  /** null: not shared, every result column is "NA". */
  sharedAt: Date | null;
  isCompleted: boolean;
  /** Campaign skills with a knowledge element (validated or not). */
  assessedSkillsCount: number;
  /** Stars stored at sharing (reached stage − 1). */
  stars: number | null;
  /** Posterior standard error of the mastery rate kept at completion; null for results kept before it (empty cell). */
  masteryStandardError: number | null;
  /** Validated campaign skills per competence id, frozen at sharing ({"comp-1-1": 3}); null or an absent id: 0. */
  validatedByCompetence: Readonly<Record<string, number>> | null;
  acquiredBadgeTitles?: readonly string[];
  /** Status per skill id; a skill absent from the map was not tested. */
  skillStatuses?: ReadonlyMap<string, SkillStatus>;
}

const PROGRESS_DECIMALS = 3;
const MASTERY_DECIMALS = 2;
/** The ± is shown to the half point (lib/domain/scoring/precision.ts): 4,5 points is 0,045. */
const PRECISION_DECIMALS = 3;

export const ASSESSMENT_HEADER = {
  progress: "% de progression",
  startedOn: "Date de début",
  isShared: "Partage (O/N)",
  sharedOn: "Date du partage",
  stage: (total: number) => `Palier obtenu (/${total})`,
  badge: (title: string) => `${title} obtenu (O/N)`,
  mastery: "% maitrise de l'ensemble des acquis du profil",
  /** Ours (not the original's): the ± of the overall mastery, in the same unit (0,06 for « ± 6 »). */
  precision: "Précision (±)",
  competence: (name: string) => [
    `% de maitrise des acquis de la compétence ${name}`,
    `Nombre d'acquis du profil cible dans la compétence ${name}`,
    `Acquis maitrisés dans la compétence ${name}`,
  ],
  area: (title: string) => [
    `% de maitrise des acquis du domaine ${title}`,
    `Nombre d'acquis du profil cible du domaine ${title}`,
    `Acquis maitrisés du domaine ${title}`,
  ],
} as const;

const SKILL_TEXT: Record<SkillStatus | "NOT_TESTED", string> = { VALIDATED: "OK", INVALIDATED: "KO", NOT_TESTED: "Non testé" };

export function assessmentHeaders(campaign: AssessmentCampaignExport): string[] {
  return [
    ...campaignHeaders(true),
    ...participantHeaders(campaign),
    ASSESSMENT_HEADER.progress,
    ASSESSMENT_HEADER.startedOn,
    ASSESSMENT_HEADER.isShared,
    ASSESSMENT_HEADER.sharedOn,
    ...(campaign.stagesCount > 0 ? [ASSESSMENT_HEADER.stage(campaign.stagesCount - 1)] : []),
    ...(campaign.badges ?? []).map((badge) => ASSESSMENT_HEADER.badge(badge.title)),
    ASSESSMENT_HEADER.mastery,
    ASSESSMENT_HEADER.precision,
    ...campaign.competences.flatMap((competence) => ASSESSMENT_HEADER.competence(competence.name)),
    ...campaign.areas.flatMap((area) => ASSESSMENT_HEADER.area(area.title)),
    ...(campaign.skills ?? []).map((skill) => skill.name),
  ];
}

/** 1 once the assessment is completed, else assessed / campaign skills rounded to 3 decimals. */
export function progression(isCompleted: boolean, assessedSkillsCount: number, targetedCount: number): number {
  if (isCompleted) return 1;
  return targetedCount === 0 ? 0 : roundTo(Math.min(assessedSkillsCount, targetedCount) / targetedCount, PROGRESS_DECIMALS);
}

/** Texts of the 3 columns of a competence or an area (ratio to 2 decimals, targeted, validated), per validated count. */
interface StatsTexts {
  targeted: number;
  targetedText: string;
  /** Indexed by the validated count, 0..targeted. */
  ratioTexts: string[];
  countTexts: string[];
}

function statsTexts(targeted: number): StatsTexts {
  const ratioTexts: string[] = [];
  const countTexts: string[] = [];
  for (let validated = 0; validated <= targeted; validated++) {
    ratioTexts.push(ratioText(validated, targeted));
    countTexts.push(numberText(validated));
  }
  return { targeted, targetedText: numberText(targeted), ratioTexts, countTexts };
}

function ratioText(validated: number, targeted: number): string {
  return numberText(targeted === 0 ? 0 : validated / targeted, MASTERY_DECIMALS);
}

function pushStats(row: string[], stats: StatsTexts, validated: number): void {
  const ratio = stats.ratioTexts[validated];
  if (ratio !== undefined) row.push(ratio, stats.targetedText, stats.countTexts[validated]);
  // More validated skills than targeted ones, or not a count: written as it is, never hidden.
  else row.push(ratioText(validated, stats.targeted), stats.targetedText, numberText(validated));
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The row writer of one campaign's export: everything that depends on the campaign only (campaign
 * columns, per competence and per area the texts of every possible validated count, the "NA" tail of
 * unshared rows) is computed once here; a row then only looks texts up and adds the participant's own.
 * The texts are those of `cellText` (guard applied), not quoted yet.
 */
export function assessmentRowWriter(campaign: AssessmentCampaignExport): (participant: AssessmentParticipantExport) => string[] {
  const prefix = campaignTexts(campaign, campaign.targetProfileName);
  const competenceIds = campaign.competences.map((c) => c.id);
  const competenceStats = campaign.competences.map((c) => statsTexts(c.targetedCount));
  const areaCompetences = campaign.areas.map((area) =>
    campaign.competences.flatMap((c, index) => (c.areaId === area.id ? [index] : [])),
  );
  const areaStats = areaCompetences.map((indexes) => statsTexts(sum(indexes.map((i) => campaign.competences[i].targetedCount))));
  const targetedTotal = sum(campaign.competences.map((c) => c.targetedCount));
  const masteryTexts = Array.from({ length: targetedTotal + 1 }, (_, validated) => ratioText(validated, targetedTotal));
  const hasStage = campaign.stagesCount > 0;
  const badgeTitles = (campaign.badges ?? []).map((badge) => badge.title);
  const skillIds = (campaign.skills ?? []).map((skill) => skill.id);
  const notSharedTail: readonly string[] = Array.from(
    { length: badgeTitles.length + 2 + 3 * (competenceIds.length + campaign.areas.length) + skillIds.length },
    () => NOT_AVAILABLE_TEXT,
  );
  // Validated count per competence of the row being written (the writer is synchronous: one buffer is enough).
  const validated: number[] = competenceIds.map(() => 0);

  return (participant) => {
    const row = prefix.slice();
    pushParticipantTexts(row, campaign, participant);
    const sharedAt = participant.sharedAt;
    row.push(
      participant.isCompleted ? "1" : numberText(progression(false, participant.assessedSkillsCount, targetedTotal), PROGRESS_DECIMALS),
      dateTimeText(participant.createdAt),
      sharedAt === null ? NO_TEXT : YES_TEXT,
      sharedAt === null ? NOT_AVAILABLE_TEXT : dateTimeText(sharedAt),
    );
    if (sharedAt === null) {
      if (hasStage) row.push(NOT_AVAILABLE_TEXT);
      for (let i = 0; i < notSharedTail.length; i++) row.push(notSharedTail[i]);
      return row;
    }
    if (hasStage) row.push(participant.stars === null ? "" : numberText(participant.stars));
    const acquired = participant.acquiredBadgeTitles;
    for (const title of badgeTitles) row.push(acquired?.includes(title) ? YES_TEXT : NO_TEXT);

    const counts = participant.validatedByCompetence;
    let validatedTotal = 0;
    for (let i = 0; i < competenceIds.length; i++) {
      const count = counts === null ? undefined : counts[competenceIds[i]];
      validated[i] = typeof count === "number" ? count : 0;
      validatedTotal += validated[i];
    }
    row.push(masteryTexts[validatedTotal] ?? ratioText(validatedTotal, targetedTotal));
    const precision = precisionPoints(participant.masteryStandardError);
    row.push(precision === null ? "" : numberText(precision / 100, PRECISION_DECIMALS));
    for (let i = 0; i < competenceStats.length; i++) pushStats(row, competenceStats[i], validated[i]);
    for (let a = 0; a < areaStats.length; a++) {
      const indexes = areaCompetences[a];
      let areaValidated = 0;
      for (let k = 0; k < indexes.length; k++) areaValidated += validated[indexes[k]];
      pushStats(row, areaStats[a], areaValidated);
    }
    const statuses = participant.skillStatuses;
    for (const skillId of skillIds) row.push(SKILL_TEXT[statuses?.get(skillId) ?? "NOT_TESTED"]);
    return row;
  };
}
