/**
 * Columns shared by both exports: who ran the campaign, which campaign, who took part.
 * Header texts are the original platform's French ones, word for word.
 */
import { guardedText, numberText } from "./csv-cells";

export interface CampaignExportInfo {
  organizationName: string;
  campaignId: number;
  campaignCode: string;
  campaignName: string;
  /** Label of the external id asked at start (e.g. "Numéro d'élève"); null when none is asked. */
  externalIdLabel: string | null;
  /** Establishments importing their pupils (SCO managing students) add the "Classe" column. */
  hasDivision: boolean;
}

export interface ParticipantIdentity {
  lastName: string;
  firstName: string;
  division: string | null;
  participantExternalId: string | null;
}

export const COMMON_HEADER = {
  organizationName: "Nom de l'organisation",
  campaignId: "ID Campagne",
  campaignCode: "Code",
  campaignName: "Nom de la campagne",
  targetProfileName: "Nom du Profil Cible",
  lastName: "Nom du Participant",
  firstName: "Prénom du Participant",
  division: "Classe",
} as const;

export function campaignHeaders(withTargetProfile: boolean): string[] {
  return [
    COMMON_HEADER.organizationName,
    COMMON_HEADER.campaignId,
    COMMON_HEADER.campaignCode,
    COMMON_HEADER.campaignName,
    ...(withTargetProfile ? [COMMON_HEADER.targetProfileName] : []),
  ];
}

export function participantHeaders(campaign: CampaignExportInfo): string[] {
  return [
    COMMON_HEADER.lastName,
    COMMON_HEADER.firstName,
    ...(campaign.hasDivision ? [COMMON_HEADER.division] : []),
    ...(campaign.externalIdLabel ? [campaign.externalIdLabel] : []),
  ];
}

/**
 * Texts of the campaign columns, the same on every row: computed once per export.
 * `targetProfileName` null: no target profile column (profiles collection).
 */
export function campaignTexts(campaign: CampaignExportInfo, targetProfileName: string | null): string[] {
  const texts = [guardedText(campaign.organizationName), numberText(campaign.campaignId), guardedText(campaign.campaignCode), guardedText(campaign.campaignName)];
  if (targetProfileName !== null) texts.push(guardedText(targetProfileName));
  return texts;
}

/** Appends the participant's texts to `row` (no intermediate array: called once per row). */
export function pushParticipantTexts(row: string[], campaign: CampaignExportInfo, participant: ParticipantIdentity): void {
  row.push(guardedText(participant.lastName), guardedText(participant.firstName));
  if (campaign.hasDivision) row.push(guardedText(participant.division ?? ""));
  if (campaign.externalIdLabel) row.push(guardedText(participant.participantExternalId ?? ""));
}
