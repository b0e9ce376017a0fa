/**
 * Header and rows of the "Évaluer" (ASSESSMENT) export, column for column as the original:
 * campaign and participant columns, progression, dates, sharing, stars, badges, overall mastery,
 * then per competence ×3, per area ×3, and one column per skill when the establishment shows skills.
 * Results of unshared participations are "NA".
 */
import { roundTo } from "../scoring/mastery";
import { campaignCells, campaignHeaders, participantCells, participantHeaders } from "./common-columns";
import type { CampaignExportInfo, ParticipantIdentity } from "./common-columns";
import { NOT_SHARED, dateTime, decimal, type Cell } from "./csv-cells";

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
  /** Validated campaign skills per competence id (snapshot at sharing). */
  validatedByCompetence: ReadonlyMap<string, number>;
  acquiredBadgeTitles?: readonly string[];
  /** Status per skill id; a skill absent from the map was not tested. */
  skillStatuses?: ReadonlyMap<string, SkillStatus>;
}

const PROGRESS_DECIMALS = 3;
const MASTERY_DECIMALS = 2;

export const ASSESSMENT_HEADER = {
  progress: "% de progression",
  startedOn: "Date de début",
  isShared: "Partage (O/N)",
  sharedOn: "Date du partage",
  stage: (total: number) => `Palier obtenu (/${total})`,
  badge: (title: string) => `${title} obtenu (O/N)`,
  mastery: "% maitrise de l'ensemble des acquis du profil",
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

/** ratio rounded to 2 decimals, targeted, validated */
function statsCells(targeted: number, validated: number): Cell[] {
  return [decimal(targeted === 0 ? 0 : validated / targeted, MASTERY_DECIMALS), targeted, validated];
}

export function assessmentRow(campaign: AssessmentCampaignExport, participant: AssessmentParticipantExport): Cell[] {
  const isShared = participant.sharedAt !== null;
  const validatedOf = (competenceId: string) => participant.validatedByCompetence.get(competenceId) ?? 0;
  const targetedTotal = campaign.competences.reduce((sum, c) => sum + c.targetedCount, 0);
  const validatedTotal = campaign.competences.reduce((sum, c) => sum + validatedOf(c.id), 0);
  const badges = campaign.badges ?? [];
  const skills = campaign.skills ?? [];
  const notShared = (count: number): Cell[] => Array.from({ length: count }, () => NOT_SHARED);

  const common: Cell[] = [
    ...campaignCells(campaign, campaign.targetProfileName),
    ...participantCells(campaign, participant),
    decimal(progression(participant.isCompleted, participant.assessedSkillsCount, targetedTotal), PROGRESS_DECIMALS),
    dateTime(participant.createdAt),
    isShared,
    participant.sharedAt === null ? NOT_SHARED : dateTime(participant.sharedAt),
    ...(campaign.stagesCount > 0 ? [isShared ? participant.stars : NOT_SHARED] : []),
    ...(isShared
      ? badges.map((badge) => (participant.acquiredBadgeTitles ?? []).includes(badge.title))
      : notShared(badges.length)),
    isShared ? decimal(targetedTotal === 0 ? 0 : validatedTotal / targetedTotal, MASTERY_DECIMALS) : NOT_SHARED,
  ];
  if (!isShared) {
    return [...common, ...notShared(3 * (campaign.competences.length + campaign.areas.length) + skills.length)];
  }
  const competenceCells = campaign.competences.flatMap((c) => statsCells(c.targetedCount, validatedOf(c.id)));
  const areaCells = campaign.areas.flatMap((area) => {
    const competences = campaign.competences.filter((c) => c.areaId === area.id);
    return statsCells(
      competences.reduce((sum, c) => sum + c.targetedCount, 0),
      competences.reduce((sum, c) => sum + validatedOf(c.id), 0),
    );
  });
  const skillCells = skills.map((skill) => SKILL_TEXT[participant.skillStatuses?.get(skill.id) ?? "NOT_TESTED"]);
  return [...common, ...competenceCells, ...areaCells, ...skillCells];
}
