import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { cryptoRandomInt } from "../../auth/tokens";
import { CodeTakenError, insertCampaign, isActiveMemberOf, isCampaignCodeTaken, skillIdsOfTargetProfile } from "../../db/repositories/campaign-repository";
import { establishmentKind } from "../../db/repositories/establishment-repository";
import { findFreeCampaignCode } from "../../domain/campaigns/campaign-code";
import type { CampaignCreation } from "../../domain/campaigns/campaign-form";
import { DomainError } from "../../domain/shared/errors";

const MAX_CODE_CLASHES = 5;

/**
 * Creates a campaign in the establishment: owner must be a member (or the platform account for the
 * rentrée campaigns); the skills of the parcours are frozen; the code is unique (checked, then enforced
 * by the database constraint with a retry).
 */
export async function createCampaign(input: { actorUserId: number; establishmentId: number; campaign: CampaignCreation; ownerIsPlatform?: boolean; now?: Date }): Promise<{ id: number; code: string }> {
  if (!input.ownerIsPlatform) {
    await authorizeInEstablishment(input.actorUserId, input.establishmentId, "campaign:create");
    if (!(await isActiveMemberOf(input.campaign.ownerId, input.establishmentId))) {
      throw new DomainError("OWNER_NOT_MEMBER", "Le propriétaire doit être membre de l'établissement.", "ownerId");
    }
  }
  let skillIds: string[] = [];
  if (input.campaign.type === "ASSESSMENT") {
    // Only the parcours offered to this kind of school (the form lists no other; a forged form gets the same answer).
    const found = await skillIdsOfTargetProfile(input.campaign.targetProfileId!, await establishmentKind(input.establishmentId));
    if (!found || found.length === 0) throw new DomainError("UNKNOWN_TARGET_PROFILE", "Ce parcours n'existe pas ou n'est pas proposé à votre établissement.", "targetProfileId");
    skillIds = found;
  }
  for (let attempt = 0; attempt < MAX_CODE_CLASHES; attempt++) {
    const code = await findFreeCampaignCode(cryptoRandomInt, isCampaignCodeTaken);
    try {
      const id = await insertCampaign({ ...input.campaign, code, establishmentId: input.establishmentId, creatorId: input.actorUserId, skillIds, now: input.now ?? new Date() });
      return { id, code };
    } catch (error) {
      if (!(error instanceof CodeTakenError)) throw error;
    }
  }
  throw new DomainError("NO_CODE", "Impossible de générer un code de campagne : réessayez.");
}
