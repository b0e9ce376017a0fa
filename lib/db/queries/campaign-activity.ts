import { db } from "../client";

export type ParticipantRow = { participationId: number; lastName: string; firstName: string; status: "STARTED" | "TO_SHARE" | "SHARED"; externalId: string | null; createdAt: Date };

/** Live participations of a campaign (not superseded, not deleted), sorted by name. Caller checked access. */
export async function campaignParticipants(campaignId: number, filter: { status?: string; search?: string; division?: string } = {}): Promise<ParticipantRow[]> {
  const words = (filter.search ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 3);
  const rows = await db.participation.findMany({
    where: {
      campaignId,
      deletedAt: null,
      isImproved: false,
      ...(filter.status && ["STARTED", "TO_SHARE", "SHARED"].includes(filter.status) ? { status: filter.status as ParticipantRow["status"] } : {}),
      ...(filter.division ? { learner: { division: filter.division } } : {}),
      AND: words.map((w) => ({
        OR: [
          { user: { firstName: { contains: w, mode: "insensitive" as const } } },
          { user: { lastName: { contains: w, mode: "insensitive" as const } } },
          { learner: { firstName: { contains: w, mode: "insensitive" as const } } },
          { learner: { lastName: { contains: w, mode: "insensitive" as const } } },
        ],
      })),
    },
    orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }],
    take: 500,
    select: { id: true, status: true, participantExternalId: true, createdAt: true, user: { select: { firstName: true, lastName: true } }, learner: { select: { firstName: true, lastName: true } } },
  });
  return rows.map((r) => ({
    participationId: r.id,
    lastName: r.learner?.lastName ?? r.user?.lastName ?? "(anonyme)",
    firstName: r.learner?.firstName ?? r.user?.firstName ?? "",
    status: r.status,
    externalId: r.participantExternalId,
    createdAt: r.createdAt,
  }));
}
