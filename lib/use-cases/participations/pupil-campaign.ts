import "server-only";
import { z } from "zod";
import { countFailure, spentLimits } from "../../db/rate-limiter";
import { createParticipation, findCampaignByCode, findLiveParticipation, type CampaignForPupil } from "../../db/repositories/participation-repository";
import { isWellFormedCampaignCode, normalizeCampaignCode } from "../../domain/campaigns/campaign-code";
import { codeLookupChecks, codeLookupRefusal, codeLookupRefusalMessage } from "../../domain/campaigns/code-lookup-limits";
import { addressLimitKey } from "../../domain/requests/client-address";
import { DomainError } from "../../domain/shared/errors";
import { inSentence } from "../../domain/shared/french-text";
import { requireRosterLearner } from "../roster/reconcile-learner";

export const UNKNOWN_CODE = "Votre code est erroné, veuillez vérifier son format (par exemple ABCDEF234) ou contacter l'organisateur.";
export const ARCHIVED_CODE = "Cette campagne est terminée : il n'est plus possible d'y participer. Contactez votre enseignant.";

export type Requester = { address: string; userId: number | null };

/**
 * The one way from a code that someone typed or opened (« J'ai un code », /campagnes/CODE, starting, joining the
 * roster) to its campaign. Failed look-ups are counted per address and per account (or in the budget of all
 * anonymous visitors, which refuses only addresses that failed themselves); once a budget is spent, every look-up
 * of that requester is refused, real codes included, so that the refusal tells nothing. A look-up that finds its campaign costs one read and counts nothing.
 */
export async function findCampaignForRequester(typed: string, requester: Requester): Promise<CampaignForPupil | null> {
  const code = normalizeCampaignCode(typed);
  if (!isWellFormedCampaignCode(code)) return null;
  const checks = codeLookupChecks({ addressKey: addressLimitKey(requester.address), userId: requester.userId });
  const spent = codeLookupRefusal(await spentLimits(checks));
  if (spent) throw new DomainError("CODE_LOOKUPS_LIMITED", codeLookupRefusalMessage(spent), "code");
  const campaign = await findCampaignByCode(code);
  if (!campaign) await Promise.all(checks.map((check) => countFailure(check.name, check.key)));
  return campaign;
}

/** "J'ai un code": checks the typed code (see findCampaignForRequester for its limits). */
export async function lookUpCampaignCode(input: { typed: string } & Requester): Promise<string> {
  const code = normalizeCampaignCode(input.typed);
  if (!code) throw new DomainError("EMPTY_CODE", "Veuillez saisir un code.", "code");
  const campaign = await findCampaignForRequester(code, input);
  if (!campaign) throw new DomainError("UNKNOWN_CODE", UNKNOWN_CODE, "code");
  if (!campaign.isAccessible) throw new DomainError("ARCHIVED", ARCHIVED_CODE, "code");
  return campaign.code;
}

/**
 * The campaign of a pupil's own pages (question, checkpoint, results) and of their answers: without a participation
 * of this pupil, they lead back to the landing page, which is where codes are looked up under limits.
 */
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
