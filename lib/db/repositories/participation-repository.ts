import { db } from "../client";
import { Prisma } from "../generated/client";
import { notifyCampaignActivity } from "../live/campaign-activity-notify";

export type CampaignForPupil = {
  id: number;
  code: string;
  name: string;
  title: string | null;
  type: "ASSESSMENT" | "PROFILES_COLLECTION";
  landingText: string | null;
  externalIdLabel: string | null;
  externalIdType: "STRING" | "EMAIL" | null;
  multipleSendings: boolean;
  isAccessible: boolean;
  establishmentName: string;
  targetProfileId: string | null;
  establishmentId: number;
  /** The establishment manages its pupils: only pupils of its roster may join (reconciliation first). */
  isRestricted: boolean;
};

export async function findCampaignByCode(code: string): Promise<CampaignForPupil | null> {
  const c = await db.campaign.findUnique({
    where: { code },
    select: {
      id: true, code: true, name: true, title: true, type: true, landingText: true, externalIdLabel: true, externalIdType: true,
      multipleSendings: true, archivedAt: true, deletedAt: true, targetProfileId: true, establishmentId: true,
      establishment: { select: { name: true, isManagingStudents: true } },
    },
  });
  if (!c || c.deletedAt) return null;
  return {
    id: c.id, code: c.code, name: c.name, title: c.title, type: c.type, landingText: c.landingText, externalIdLabel: c.externalIdLabel,
    externalIdType: c.externalIdType, multipleSendings: c.multipleSendings, isAccessible: !c.archivedAt, establishmentName: c.establishment.name,
    targetProfileId: c.targetProfileId, establishmentId: c.establishmentId, isRestricted: c.establishment.isManagingStudents,
  };
}

export type LiveParticipation = {
  id: number;
  status: "STARTED" | "TO_SHARE" | "SHARED";
  sharedAt: Date | null;
  createdAt: Date;
  /** Kept at completion (null before the precision engine, or while the test runs). */
  masteryStandardError: number | null;
};

export async function findLiveParticipation(campaignId: number, userId: number): Promise<LiveParticipation | null> {
  return db.participation.findFirst({
    where: { campaignId, userId, deletedAt: null, isImproved: false },
    select: { id: true, status: true, sharedAt: true, createdAt: true, masteryStandardError: true },
  });
}

/** Starts a participation (and its assessment); a concurrent second start returns the same participation. */
export async function createParticipation(input: { campaignId: number; userId: number; learnerId?: number | null; externalId: string | null; withAssessment: boolean; now: Date }): Promise<number> {
  try {
    return await db.$transaction(async (tx) => {
      const participation = await tx.participation.create({
        data: {
          campaignId: input.campaignId,
          userId: input.userId,
          learnerId: input.learnerId ?? null,
          participantExternalId: input.externalId,
          status: input.withAssessment ? "STARTED" : "TO_SHARE",
          createdAt: input.now,
        },
        select: { id: true },
      });
      if (input.withAssessment) await tx.assessment.create({ data: { userId: input.userId, participationId: participation.id, createdAt: input.now } });
      await notifyCampaignActivity(tx, input.campaignId);
      return participation.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await findLiveParticipation(input.campaignId, input.userId);
      if (existing) return existing.id;
    }
    throw error;
  }
}

/** Participations of the pupil that are not finished or not sent (home page reminders). */
export async function pendingParticipationsOf(userId: number) {
  return db.participation.findMany({
    where: { userId, deletedAt: null, isImproved: false, status: { in: ["STARTED", "TO_SHARE"] }, campaign: { archivedAt: null, deletedAt: null } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, campaign: { select: { code: true, name: true, title: true } } },
  });
}
