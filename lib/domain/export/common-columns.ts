/**
 * Columns shared by both exports: who ran the campaign, which campaign, who took part.
 * Header texts are the original platform's French ones, word for word.
 */
import type { Cell } from "./csv-cells";

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

/** `targetProfileName` null: no target profile column (profiles collection). */
export function campaignCells(campaign: CampaignExportInfo, targetProfileName: string | null): Cell[] {
  return [
    campaign.organizationName,
    campaign.campaignId,
    campaign.campaignCode,
    campaign.campaignName,
    ...(targetProfileName === null ? [] : [targetProfileName]),
  ];
}

export function participantCells(campaign: CampaignExportInfo, participant: ParticipantIdentity): Cell[] {
  return [
    participant.lastName,
    participant.firstName,
    ...(campaign.hasDivision ? [participant.division ?? ""] : []),
    ...(campaign.externalIdLabel ? [participant.participantExternalId ?? ""] : []),
  ];
}
