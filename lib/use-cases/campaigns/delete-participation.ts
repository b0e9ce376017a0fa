import "server-only";
import { participationCampaignId, softDeleteParticipation } from "../../db/queries/campaign-results";
import { NotFoundError } from "../../domain/shared/errors";
import { manageableCampaign } from "./manage-campaign";

/** The campaign's owner or an ADMIN deletes a participation (anonymised, unlinked from the roster pupil, no longer counted). */
export async function deleteParticipation(input: { actorUserId: number; participationId: number; address: string; now?: Date }): Promise<number> {
  const campaignId = await participationCampaignId(input.participationId);
  if (campaignId === null) throw new NotFoundError();
  await manageableCampaign(input.actorUserId, campaignId);
  if (!(await softDeleteParticipation(input.participationId, { userId: input.actorUserId, clientAddress: input.address }, input.now ?? new Date()))) throw new NotFoundError();
  return campaignId;
}
