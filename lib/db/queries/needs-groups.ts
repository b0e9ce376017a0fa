import { db } from "../client";

/**
 * What the needs groups are made of, for one campaign (the caller checked access): the counted results
 * (`is_latest_shared`, one per pupil) with their per-subject rows kept at sharing (participation_tube_results:
 * validated and targeted skills of each tube), the teacher's number of groups and moves.
 */
export async function needsGroupsData(campaignId: number) {
  const [pupils, tubeRows, setting, moves] = await Promise.all([
    db.$queryRawUnsafe<{ id: number; last_name: string; first_name: string; division: string | null; shared_at: Date | null }[]>(
      `SELECT p.id, coalesce(l.last_name, u.last_name, '(anonyme)') AS last_name, coalesce(l.first_name, u.first_name, '') AS first_name, l.division, p.shared_at
       FROM participations p LEFT JOIN learners l ON l.id = p.learner_id LEFT JOIN users u ON u.id = p.user_id
       WHERE p.campaign_id = $1 AND p.is_latest_shared ORDER BY p.id`,
      campaignId,
    ),
    db.$queryRawUnsafe<{ participation_id: number; tube_id: string; validated_count: number; targeted_count: number }[]>(
      `SELECT r.participation_id, r.tube_id, r.validated_count, r.targeted_count
       FROM participations p JOIN participation_tube_results r ON r.participation_id = p.id
       WHERE p.campaign_id = $1 AND p.is_latest_shared`,
      campaignId,
    ),
    db.needsGrouping.findUnique({ where: { campaignId }, select: { groupCount: true, updatedAt: true } }),
    db.needsGroupMove.findMany({ where: { campaignId }, select: { participationId: true, groupNumber: true, movedAt: true } }),
  ]);
  return {
    pupils: pupils.map((p) => ({ participationId: p.id, lastName: p.last_name, firstName: p.first_name, division: p.division, sharedAt: p.shared_at })),
    tubeRows: tubeRows.map((r) => ({ participationId: r.participation_id, tubeId: r.tube_id, validatedCount: r.validated_count, targetedCount: r.targeted_count })),
    requestedGroupCount: setting?.groupCount ?? null,
    moves: new Map(moves.map((m) => [m.participationId, m.groupNumber])),
    /** The teacher's last change to the groups (a move, a number of groups chosen), or null if they never did. */
    arrangedAt: [setting?.updatedAt, ...moves.map((m) => m.movedAt)].reduce<Date | null>((latest, at) => (at && (!latest || at > latest) ? at : latest), null),
  };
}
