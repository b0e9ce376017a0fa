import { db } from "../client";

export type ParticipantRow = { participationId: number; lastName: string; firstName: string; division: string | null; status: "STARTED" | "TO_SHARE" | "SHARED"; externalId: string | null; createdAt: Date };

export const PARTICIPANTS_PER_PAGE = 50;

/** Live participations of a campaign (not superseded, not deleted), sorted by name, a page at a time. Caller checked access. */
export async function campaignParticipants(
  campaignId: number,
  filter: { status?: string; search?: string; division?: string; page?: number } = {},
): Promise<{ rows: ParticipantRow[]; total: number }> {
  const words = (filter.search ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 3);
  const where = {
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
  };
  const page = Math.max(1, filter.page ?? 1);
  const [total, rows] = await Promise.all([
    db.participation.count({ where }),
    db.participation.findMany({
      where,
      // The school's roster names first (what the table shows), then the account's.
      orderBy: [{ learner: { lastName: "asc" } }, { learner: { firstName: "asc" } }, { user: { lastName: "asc" } }, { user: { firstName: "asc" } }, { id: "asc" }],
      skip: (page - 1) * PARTICIPANTS_PER_PAGE,
      take: PARTICIPANTS_PER_PAGE,
      select: { id: true, status: true, participantExternalId: true, createdAt: true, user: { select: { firstName: true, lastName: true } }, learner: { select: { firstName: true, lastName: true, division: true } } },
    }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      participationId: r.id,
      lastName: r.learner?.lastName ?? r.user?.lastName ?? "(anonyme)",
      firstName: r.learner?.firstName ?? r.user?.firstName ?? "",
      division: r.learner?.division ?? null,
      status: r.status,
      externalId: r.participantExternalId,
      createdAt: r.createdAt,
    })),
  };
}
