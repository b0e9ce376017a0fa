import type { EstablishmentKind } from "../../domain/establishments/establishment-kind";
import { db } from "../client";
import { Prisma } from "../generated/client";
import type { CampaignCreation, CampaignUpdate } from "../../domain/campaigns/campaign-form";

export class CodeTakenError extends Error {}

export async function isCampaignCodeTaken(code: string): Promise<boolean> {
  return (await db.campaign.count({ where: { code } })) > 0;
}

/** Active skills of the parcours' capped tubes: the campaign's frozen skill set. */
/** The skills of a parcours offered to this kind of establishment, or null when it is not offered (or gone). */
export async function skillIdsOfTargetProfile(targetProfileId: string, kind: EstablishmentKind): Promise<string[] | null> {
  const profile = await db.targetProfile.findFirst({
    where: { id: targetProfileId, retiredAt: null, establishmentKinds: { has: kind } },
    select: { tubes: { select: { tubeId: true, level: true } } },
  });
  if (!profile) return null;
  const skills = await db.skill.findMany({
    where: { retiredAt: null, OR: profile.tubes.map((t) => ({ tubeId: t.tubeId, level: { lte: t.level } })) },
    select: { id: true },
  });
  return skills.map((s) => s.id);
}

/** Inserts the campaign and its frozen skills in one transaction; a code clash raises CodeTakenError. */
export async function insertCampaign(data: CampaignCreation & { code: string; establishmentId: number; creatorId: number; skillIds: string[]; now: Date }): Promise<number> {
  try {
    return await db.$transaction(async (tx) => {
      const campaign = await tx.campaign.create({
        data: {
          code: data.code,
          name: data.name,
          title: data.title,
          type: data.type,
          targetProfileId: data.targetProfileId,
          establishmentId: data.establishmentId,
          creatorId: data.creatorId,
          ownerId: data.ownerId,
          landingText: data.landingText,
          externalIdLabel: data.externalIdLabel,
          externalIdType: data.externalIdType,
          multipleSendings: data.multipleSendings,
          assessmentMethod: data.assessmentMethod,
          precisionTarget: data.precisionTarget,
          createdAt: data.now,
        },
        select: { id: true },
      });
      if (data.skillIds.length) await tx.campaignSkill.createMany({ data: data.skillIds.map((skillId) => ({ campaignId: campaign.id, skillId })) });
      return campaign.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new CodeTakenError();
    throw error;
  }
}

export type CampaignRecord = {
  id: number;
  code: string;
  name: string;
  title: string | null;
  type: "ASSESSMENT" | "PROFILES_COLLECTION";
  establishmentId: number;
  ownerId: number;
  archivedAt: Date | null;
  deletedAt: Date | null;
  /** ± in points at which the precision engine ends a test (assessments). */
  precisionTarget: number;
  /** The establishment imports its pupils (SIECLE): classes and the roster help exist. */
  isManagingStudents: boolean;
};

/** Unscoped: callers then check the caller's membership in `establishmentId`. */
export async function unsafeFindCampaign(id: number): Promise<CampaignRecord | null> {
  if (!Number.isSafeInteger(id)) return null;
  const c = await db.campaign.findUnique({
    where: { id },
    select: { id: true, code: true, name: true, title: true, type: true, establishmentId: true, ownerId: true, archivedAt: true, deletedAt: true, precisionTarget: true, establishment: { select: { isManagingStudents: true } } },
  });
  if (!c) return null;
  const { establishment, ...campaign } = c;
  return { ...campaign, isManagingStudents: establishment.isManagingStudents };
}

/** The engine settings change only for an assessment (the caller passes them only then): the next question follows them. */
export async function updateCampaignFields(id: number, data: Omit<CampaignUpdate, "assessmentMethod" | "precisionTarget"> & Partial<Pick<CampaignUpdate, "assessmentMethod" | "precisionTarget">>): Promise<void> {
  await db.campaign.update({
    where: { id },
    data: { name: data.name, title: data.title, landingText: data.landingText, ownerId: data.ownerId, assessmentMethod: data.assessmentMethod, precisionTarget: data.precisionTarget },
  });
}

export async function setCampaignArchived(id: number, archived: boolean, userId: number, now: Date): Promise<boolean> {
  const { count } = await db.campaign.updateMany({
    where: { id, deletedAt: null, archivedAt: archived ? null : { not: null } },
    data: archived ? { archivedAt: now, archivedById: userId } : { archivedAt: null, archivedById: null },
  });
  return count === 1;
}

/** Soft delete; participations are anonymised (no user, no external id) and stop counting. */
export async function softDeleteCampaign(id: number, userId: number, now: Date): Promise<void> {
  await db.$transaction([
    db.campaign.update({ where: { id }, data: { deletedAt: now, deletedById: userId } }),
    db.participation.updateMany({ where: { campaignId: id, deletedAt: null }, data: { deletedAt: now, deletedById: userId, userId: null, participantExternalId: null, isLatestShared: false } }),
    db.campaignTubeSum.deleteMany({ where: { campaignId: id } }),
    db.campaignCompetenceLevel.deleteMany({ where: { campaignId: id } }),
  ]);
}

export async function isActiveMemberOf(userId: number, establishmentId: number): Promise<boolean> {
  return (await db.membership.count({ where: { userId, establishmentId, disabledAt: null } })) > 0;
}

export async function findPlatformAccountId(): Promise<number> {
  const existing = await db.user.findFirst({ where: { isPlatformAccount: true }, select: { id: true } });
  if (existing) return existing.id;
  const created = await db.user.create({ data: { firstName: "Équipe", lastName: "Pix", isPlatformAccount: true }, select: { id: true } });
  return created.id;
}

export async function establishmentHasCampaignOn(establishmentId: number, targetProfileId: string, ownerId: number): Promise<boolean> {
  return (await db.campaign.count({ where: { establishmentId, targetProfileId, ownerId, deletedAt: null } })) > 0;
}
