import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { isActiveMemberOf, setCampaignArchived, softDeleteCampaign, unsafeFindCampaign, updateCampaignFields, type CampaignRecord } from "../../db/repositories/campaign-repository";
import { canManageCampaign } from "../../domain/authorization/permissions";
import { isFormerPrecisionTarget, type CampaignUpdate } from "../../domain/campaigns/campaign-form";
import { DomainError, ForbiddenError, NotFoundError } from "../../domain/shared/errors";

/** A campaign the user may read: it exists, is not deleted, and belongs to one of their establishments. */
export async function readableCampaign(userId: number, campaignId: number): Promise<CampaignRecord & { role: "ADMIN" | "MEMBER" }> {
  const campaign = await unsafeFindCampaign(campaignId);
  if (!campaign || campaign.deletedAt) throw new NotFoundError();
  const role = await authorizeInEstablishment(userId, campaign.establishmentId, "campaign:read");
  return { ...campaign, role };
}

/** Editing, archiving and deleting: the owner or an ADMIN. */
export async function manageableCampaign(userId: number, campaignId: number) {
  const campaign = await readableCampaign(userId, campaignId);
  if (!canManageCampaign({ userId, role: campaign.role }, campaign)) {
    throw new ForbiddenError("Seuls le propriétaire de la campagne et les administrateurs peuvent la modifier.");
  }
  return campaign;
}

export async function updateCampaign(input: { actorUserId: number; campaignId: number; update: CampaignUpdate }): Promise<void> {
  const campaign = await manageableCampaign(input.actorUserId, input.campaignId);
  if (input.update.ownerId !== campaign.ownerId && !(await isActiveMemberOf(input.update.ownerId, campaign.establishmentId))) {
    throw new DomainError("OWNER_NOT_MEMBER", "Le propriétaire doit être membre de l'établissement.", "ownerId");
  }
  if (campaign.type === "ASSESSMENT") {
    // A former precision (no longer offered) is kept by a campaign that has it, never given to another one.
    if (isFormerPrecisionTarget(input.update.precisionTarget) && input.update.precisionTarget !== campaign.precisionTarget) {
      throw new DomainError("PRECISION_TARGET", "Veuillez choisir une des précisions proposées.", "precisionTarget");
    }
    await updateCampaignFields(campaign.id, input.update);
  } else {
    const { assessmentMethod: _method, precisionTarget: _target, ...fields } = input.update;
    await updateCampaignFields(campaign.id, { ...fields, title: null });
  }
}

export async function archiveCampaign(input: { actorUserId: number; campaignId: number; archived: boolean; now?: Date }): Promise<void> {
  const campaign = await manageableCampaign(input.actorUserId, input.campaignId);
  if (!(await setCampaignArchived(campaign.id, input.archived, input.actorUserId, input.now ?? new Date()))) {
    throw new DomainError("ARCHIVE_STATE", input.archived ? "Cette campagne est déjà archivée." : "Cette campagne n'est pas archivée.");
  }
}

export async function deleteCampaign(input: { actorUserId: number; campaignId: number; now?: Date }): Promise<void> {
  const campaign = await manageableCampaign(input.actorUserId, input.campaignId);
  await softDeleteCampaign(campaign.id, input.actorUserId, input.now ?? new Date());
}
