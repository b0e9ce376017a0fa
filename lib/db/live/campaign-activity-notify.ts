import type { Prisma } from "../generated/client";

/**
 * « Suivi en direct » (issue 17): every write that changes what a teacher's live view shows says so with a NOTIFY on
 * this channel, inside its own transaction (delivered at COMMIT, never for a rolled-back write, through PgBouncer
 * too). The payload is only the campaign's id: the listener's subscribers read the rows again (architecture habit 14).
 */
export const CAMPAIGN_ACTIVITY_CHANNEL = "campaign_activity";

/** The statement for the answer path's own node-pg transaction (answer-transaction.ts). */
export const NOTIFY_CAMPAIGN_ACTIVITY_SQL = `SELECT pg_notify('${CAMPAIGN_ACTIVITY_CHANNEL}', $1::text)`;

/** Inside a Prisma interactive transaction. */
export async function notifyCampaignActivity(tx: Prisma.TransactionClient, campaignId: number): Promise<void> {
  await tx.$executeRawUnsafe(NOTIFY_CAMPAIGN_ACTIVITY_SQL, String(campaignId));
}

/** Same, from a participation (the Prisma answer path and the sharing know the participation, not the campaign). */
export async function notifyActivityOfParticipation(tx: Prisma.TransactionClient, participationId: number): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_notify('${CAMPAIGN_ACTIVITY_CHANNEL}', campaign_id::text) FROM participations WHERE id = $1`, participationId);
}
