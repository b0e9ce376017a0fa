import type { EstablishmentKind } from "../../domain/establishments/establishment-kind";
import { db } from "../client";
import type { Prisma } from "../generated/client";

export const CAMPAIGNS_PER_PAGE = 20;

export type CampaignListFilter = { establishmentId: number; userId: number; mine: boolean; archived: boolean; search: string; page: number };

export type CampaignListRow = {
  id: number;
  name: string;
  code: string;
  ownerName: string;
  createdAt: Date;
  participantsCount: number;
  sharedCount: number;
  type: "ASSESSMENT" | "PROFILES_COLLECTION";
};

export function ownerDisplayName(owner: { firstName: string; lastName: string; isPlatformAccount: boolean }): string {
  return owner.isPlatformAccount ? "Équipe Pix" : `${owner.firstName} ${owner.lastName}`;
}

/** The teacher's campaign list, scoped to the establishment; each search word must match the name or the owner. */
export async function listCampaigns(filter: CampaignListFilter): Promise<{ rows: CampaignListRow[]; total: number }> {
  const words = filter.search.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  const where: Prisma.CampaignWhereInput = {
    establishmentId: filter.establishmentId,
    deletedAt: null,
    archivedAt: filter.archived ? { not: null } : null,
    ...(filter.mine ? { ownerId: filter.userId } : {}),
    AND: words.map((word) => ({
      OR: [
        { name: { contains: word, mode: "insensitive" as const } },
        { owner: { firstName: { contains: word, mode: "insensitive" as const } } },
        { owner: { lastName: { contains: word, mode: "insensitive" as const } } },
        ...(/^équipe|^pix$/i.test(word) ? [{ owner: { isPlatformAccount: true } }] : []),
      ],
    })),
  };
  const [total, campaigns] = await Promise.all([
    db.campaign.count({ where }),
    db.campaign.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, filter.page) - 1) * CAMPAIGNS_PER_PAGE,
      take: CAMPAIGNS_PER_PAGE,
      select: { id: true, name: true, code: true, createdAt: true, type: true, owner: { select: { firstName: true, lastName: true, isPlatformAccount: true } } },
    }),
  ]);
  const ids = campaigns.map((c) => c.id);
  const [counts, received] = ids.length
    ? await Promise.all([
        db.participation.groupBy({ by: ["campaignId", "status"], where: { campaignId: { in: ids }, deletedAt: null, isImproved: false }, _count: { _all: true } }),
        db.participation.groupBy({ by: ["campaignId"], where: { campaignId: { in: ids }, isLatestShared: true }, _count: { _all: true } }),
      ])
    : [[], []];
  return {
    total,
    rows: campaigns.map((c) => {
      const mine = counts.filter((x) => x.campaignId === c.id);
      return {
        id: c.id,
        name: c.name,
        code: c.code,
        type: c.type,
        ownerName: ownerDisplayName(c.owner),
        createdAt: c.createdAt,
        participantsCount: mine.reduce((s, x) => s + x._count._all, 0),
        sharedCount: received.find((x) => x.campaignId === c.id)?._count._all ?? 0,
      };
    }),
  };
}

/** The campaign page's header and settings (the caller has checked the membership). */
export async function campaignDetails(campaignId: number) {
  const c = await db.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: {
      id: true, code: true, name: true, title: true, type: true, createdAt: true, archivedAt: true, landingText: true,
      externalIdLabel: true, externalIdType: true, multipleSendings: true, ownerId: true, establishmentId: true,
      assessmentMethod: true, precisionTarget: true,
      targetProfile: { select: { id: true, name: true, description: true } },
      creator: { select: { firstName: true, lastName: true, isPlatformAccount: true } },
      owner: { select: { firstName: true, lastName: true, isPlatformAccount: true } },
      // "Résultats (N)": pupils whose results were received (each pupil's latest sending counts once).
      _count: { select: { participations: { where: { isLatestShared: true } } } },
    },
  });
  return {
    ...c,
    creatorName: c.creator.isPlatformAccount ? "Équipe Pix" : `${c.creator.firstName} ${c.creator.lastName.toUpperCase()}`,
    ownerName: ownerDisplayName(c.owner),
    sharedCount: c._count.participations,
  };
}

export async function listActiveMembersForOwner(establishmentId: number) {
  const rows = await db.membership.findMany({
    where: { establishmentId, disabledAt: null },
    orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }],
    select: { user: { select: { id: true, firstName: true, lastName: true } } },
  });
  return rows.map((r) => ({ id: r.user.id, name: `${r.user.firstName} ${r.user.lastName}` }));
}

/** The parcours offered to an establishment of this kind (« Que souhaitez-vous tester ? »). */
export async function listTargetProfilesForPicker(kind: EstablishmentKind) {
  return db.targetProfile.findMany({
    where: { retiredAt: null, establishmentKinds: { has: kind } },
    orderBy: [{ category: "asc" }, { name: "asc" }],
    select: { id: true, name: true, category: true, description: true },
  });
}
