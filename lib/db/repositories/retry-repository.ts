import { db } from "../client";
import { notifyCampaignActivity } from "../live/campaign-activity-notify";

/**
 * "Repasser mon parcours": the shared participation is superseded (isImproved) by a new one that keeps
 * the external id and the roster link, with a new assessment flagged as improving.
 */
export async function supersedeSharedParticipation(input: { participationId: number; userId: number; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const previous = await tx.participation.findFirst({
      where: { id: input.participationId, userId: input.userId, status: "SHARED", isImproved: false, deletedAt: null },
      select: { campaignId: true, participantExternalId: true, learnerId: true },
    });
    if (!previous) return false;
    const { count } = await tx.participation.updateMany({ where: { id: input.participationId, isImproved: false }, data: { isImproved: true } });
    if (count !== 1) return false;
    const created = await tx.participation.create({
      data: { campaignId: previous.campaignId, userId: input.userId, learnerId: previous.learnerId, participantExternalId: previous.participantExternalId, status: "STARTED", createdAt: input.now },
      select: { id: true },
    });
    await tx.assessment.create({ data: { userId: input.userId, participationId: created.id, isImproving: true, createdAt: input.now } });
    await notifyCampaignActivity(tx, previous.campaignId);
    return true;
  });
}

export async function campaignAllowsRetry(campaignId: number): Promise<boolean> {
  const c = await db.campaign.findUnique({ where: { id: campaignId }, select: { multipleSendings: true, type: true, archivedAt: true, deletedAt: true } });
  return Boolean(c && c.multipleSendings && c.type === "ASSESSMENT" && !c.archivedAt && !c.deletedAt);
}

export async function hasSupersededParticipation(campaignId: number, userId: number): Promise<boolean> {
  return (await db.participation.count({ where: { campaignId, userId, isImproved: true, deletedAt: null } })) > 0;
}
