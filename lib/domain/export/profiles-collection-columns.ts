/**
 * Header and rows of the "Collecter les profils" (PROFILES_COLLECTION) export, as the original:
 * campaign and participant columns, sending, total pix, certifiability, then per competence
 * its level and pix, from the profile computed at sharing. Unshared profiles are "NA".
 */
import type { PixProfile } from "../scoring/pix-profile";
import { campaignHeaders, campaignTexts, participantHeaders, pushParticipantTexts } from "./common-columns";
import type { CampaignExportInfo, ParticipantIdentity } from "./common-columns";
import { NOT_AVAILABLE_TEXT, NO_TEXT, YES_TEXT, booleanText, dateTimeText, numberText } from "./csv-cells";

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

/**
 * The row writer of one campaign's export: campaign columns and the "NA" tail of unsent profiles are
 * computed once. The texts are those of `cellText` (guard applied), not quoted yet.
 */
export function profilesCollectionRowWriter(
  campaign: ProfilesCollectionCampaignExport,
): (participant: ProfilesCollectionParticipantExport) => string[] {
  const prefix = campaignTexts(campaign, null);
  const competenceIds = campaign.competences.map((c) => c.id);
  const notSentTail: readonly string[] = Array.from({ length: 4 + 2 * competenceIds.length }, () => NOT_AVAILABLE_TEXT);
  return (participant) => {
    const row = prefix.slice();
    pushParticipantTexts(row, campaign, participant);
    if (participant.sharedAt === null) {
      row.push(NO_TEXT);
      for (let i = 0; i < notSentTail.length; i++) row.push(notSentTail[i]);
      return row;
    }
    const profile = participant.profile;
    if (!profile) throw new Error("a shared profile must come with its pix profile");
    row.push(
      YES_TEXT,
      dateTimeText(participant.sharedAt),
      numberText(profile.totalPix),
      booleanText(profile.isCertifiable),
      numberText(profile.certifiableCompetencesCount),
    );
    const byCompetence = new Map(profile.competences.map((c) => [c.competenceId, c]));
    for (const id of competenceIds) {
      // A competence without any knowledge element is level 0 with 0 pix.
      const competence = byCompetence.get(id);
      row.push(numberText(competence?.level ?? 0), numberText(competence?.pix ?? 0));
    }
    return row;
  };
}
