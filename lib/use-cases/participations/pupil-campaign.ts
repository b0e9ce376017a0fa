import "server-only";
import { z } from "zod";
import { consumeAttempt } from "../../db/rate-limiter";
import { createParticipation, findCampaignByCode, findLiveParticipation, type CampaignForPupil } from "../../db/repositories/participation-repository";
import { isWellFormedCampaignCode, normalizeCampaignCode } from "../../domain/campaigns/campaign-code";
import { DomainError } from "../../domain/shared/errors";
import { inSentence } from "../../domain/shared/french-text";
import { requireRosterLearner } from "../roster/reconcile-learner";

export const UNKNOWN_CODE = "Votre code est erroné, veuillez vérifier son format (par exemple ABCDEF234) ou contacter l'organisateur.";
export const ARCHIVED_CODE = "Cette campagne est terminée : il n'est plus possible d'y participer. Contactez votre enseignant.";

/** "J'ai un code": checks the typed code; lookups are rate-limited per address and per account. */
export async function lookUpCampaignCode(input: { typed: string; address: string; userId: number | null }): Promise<string> {
  const code = normalizeCampaignCode(input.typed);
  if (!code) throw new DomainError("EMPTY_CODE", "Veuillez saisir un code.", "code");
  if (!isWellFormedCampaignCode(code)) throw new DomainError("MALFORMED_CODE", UNKNOWN_CODE, "code");
  await consumeAttempt("campaignCode", `ip:${input.address}`);
  if (input.userId !== null) await consumeAttempt("campaignCode", `user:${input.userId}`);
  const campaign = await findCampaignByCode(code);
  if (!campaign) throw new DomainError("UNKNOWN_CODE", UNKNOWN_CODE, "code");
  if (!campaign.isAccessible) throw new DomainError("ARCHIVED", ARCHIVED_CODE, "code");
  return campaign.code;
}

export async function campaignForLanding(code: string): Promise<CampaignForPupil | null> {
  return findCampaignByCode(normalizeCampaignCode(code));
}

/** Starts (or finds) the pupil's participation; asks the external id when the campaign needs one. */
export async function startParticipation(input: { userId: number; code: string; externalId: string | null; now?: Date }): Promise<{ campaign: CampaignForPupil; participationId: number }> {
  const campaign = await findCampaignByCode(normalizeCampaignCode(input.code));
  if (!campaign) throw new DomainError("UNKNOWN_CODE", UNKNOWN_CODE);
  const existing = await findLiveParticipation(campaign.id, input.userId);
  if (existing) return { campaign, participationId: existing.id };
  if (!campaign.isAccessible) throw new DomainError("ARCHIVED", ARCHIVED_CODE);
  // In an establishment that manages its pupils, only a pupil of its roster joins (RECONCILIATION_REQUIRED otherwise).
  const learnerId = campaign.isRestricted ? await requireRosterLearner(campaign.establishmentId, input.userId) : null;
  let externalId: string | null = null;
  if (campaign.externalIdLabel) {
    const value = (input.externalId ?? "").trim();
    if (!value) throw new DomainError("EXTERNAL_ID_MISSING", `Merci de renseigner votre ${inSentence(campaign.externalIdLabel)}.`, "externalId");
    if (value.length > 255) throw new DomainError("EXTERNAL_ID_TOO_LONG", "255 caractères au plus.", "externalId");
    if (campaign.externalIdType === "EMAIL" && !z.email().safeParse(value).success) throw new DomainError("EXTERNAL_ID_EMAIL", "L'adresse email n'est pas valide.", "externalId");
    externalId = value;
  }
  const participationId = await createParticipation({ campaignId: campaign.id, userId: input.userId, learnerId, externalId, withAssessment: campaign.type === "ASSESSMENT", now: input.now ?? new Date() });
  return { campaign, participationId };
}
