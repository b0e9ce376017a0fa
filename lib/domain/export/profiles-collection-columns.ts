/**
 * Header and rows of the "Collecter les profils" (PROFILES_COLLECTION) export, as the original:
 * campaign and participant columns, sending, total pix, certifiability, then per competence
 * its level and pix, from the profile computed at sharing. Unshared profiles are "NA".
 */
import type { PixProfile } from "../scoring/pix-profile";
import { campaignCells, campaignHeaders, participantCells, participantHeaders } from "./common-columns";
import type { CampaignExportInfo, ParticipantIdentity } from "./common-columns";
import { NOT_SHARED, dateTime, type Cell } from "./csv-cells";

export interface ProfilesCollectionCampaignExport extends CampaignExportInfo {
  /** Every competence of the framework, in framework order. */
  competences: readonly { id: string; name: string }[];
}

export interface ProfilesCollectionParticipantExport extends ParticipantIdentity {
  /** null: profile not sent, every result column is "NA". */
  sharedAt: Date | null;
  /** The profile at sharedAt; required once shared. */
  profile: PixProfile | null;
}

export const PROFILES_COLLECTION_HEADER = {
  isSent: "Envoi (O/N)",
  sentOn: "Date de l'envoi",
  totalPix: "Nombre de pix total",
  isCertifiable: "Certifiable (O/N)",
  certifiableCompetences: "Nombre de compétences certifiables",
  competenceLevel: (name: string) => `Niveau pour la compétence ${name}`,
  competencePix: (name: string) => `Nombre de pix pour la compétence ${name}`,
} as const;

export function profilesCollectionHeaders(campaign: ProfilesCollectionCampaignExport): string[] {
  const header = PROFILES_COLLECTION_HEADER;
  return [
    ...campaignHeaders(false),
    ...participantHeaders(campaign),
    header.isSent,
    header.sentOn,
    header.totalPix,
    header.isCertifiable,
    header.certifiableCompetences,
    ...campaign.competences.flatMap((c) => [header.competenceLevel(c.name), header.competencePix(c.name)]),
  ];
}

export function profilesCollectionRow(
  campaign: ProfilesCollectionCampaignExport,
  participant: ProfilesCollectionParticipantExport,
): Cell[] {
  const identity: Cell[] = [...campaignCells(campaign, null), ...participantCells(campaign, participant)];
  if (participant.sharedAt === null) {
    return [...identity, false, ...Array.from({ length: 4 + 2 * campaign.competences.length }, () => NOT_SHARED)];
  }
  const profile = participant.profile;
  if (!profile) throw new Error("a shared profile must come with its pix profile");
  const byCompetence = new Map(profile.competences.map((c) => [c.competenceId, c]));
  return [
    ...identity,
    true,
    dateTime(participant.sharedAt),
    profile.totalPix,
    profile.isCertifiable,
    profile.certifiableCompetencesCount,
    // A competence without any knowledge element is level 0 with 0 pix.
    ...campaign.competences.flatMap((c) => [byCompetence.get(c.id)?.level ?? 0, byCompetence.get(c.id)?.pix ?? 0]),
  ];
}
