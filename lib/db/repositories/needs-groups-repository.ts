import { db } from "../client";

/**
 * The teacher's hand on the needs groups of a campaign. The caller checked that the user may read the campaign;
 * the participation is matched with the campaign here, in the write itself: an id of another campaign changes nothing.
 * @returns false when the participation is not a counted result of this campaign
 */
export async function saveNeedsGroupMove(input: { campaignId: number; participationId: number; groupNumber: number; groupCount: number; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Upserts: a double submit writes the same rows twice; a result deleted meanwhile is not counted any more.
    const written = await tx.$executeRawUnsafe(
      `INSERT INTO needs_group_moves (participation_id, campaign_id, group_number, moved_at)
       SELECT p.id, p.campaign_id, $3, $4 FROM participations p WHERE p.id = $2 AND p.campaign_id = $1 AND p.is_latest_shared
       ON CONFLICT (participation_id) DO UPDATE SET group_number = EXCLUDED.group_number, moved_at = EXCLUDED.moved_at`,
      input.campaignId,
      input.participationId,
      input.groupNumber,
      input.now,
    );
    if (written !== 1) return false;
    // The number of groups the teacher saw is kept: new results must not make the groups they arranged disappear.
    await tx.$executeRawUnsafe(
      `INSERT INTO needs_groupings (campaign_id, group_count, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (campaign_id) DO UPDATE SET group_count = coalesce(needs_groupings.group_count, EXCLUDED.group_count)`,
      input.campaignId,
      input.groupCount,
      input.now,
    );
    return true;
  });
}

/** « Recalculer les groupes »: the teacher's number of groups (null: the data's choice), every move forgotten. */
export async function resetNeedsGroups(input: { campaignId: number; groupCount: number | null; now: Date }): Promise<void> {
  await db.$transaction([
    db.needsGroupMove.deleteMany({ where: { campaignId: input.campaignId } }),
    db.needsGrouping.upsert({
      where: { campaignId: input.campaignId },
      create: { campaignId: input.campaignId, groupCount: input.groupCount, updatedAt: input.now },
      update: { groupCount: input.groupCount, updatedAt: input.now },
    }),
  ]);
}
