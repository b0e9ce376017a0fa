import { db } from "../client";
import { inOrderOf } from "../../domain/shared/in-order-of";
import type { Prisma } from "../generated/client";
import { validatedByCompetence, type TubeSummaryRow } from "../../domain/scoring/tube-summary";
import { countSharedParticipation } from "./results-read-models";
import { notifyActivityOfParticipation } from "../live/campaign-activity-notify";

export async function campaignSkillDetails(campaignId: number) {
  const ids = await db.campaignSkill.findMany({ where: { campaignId }, select: { skillId: true } });
  return db.skill.findMany({
    where: { id: { in: ids.map((r) => r.skillId) } },
    select: { id: true, level: true, tubeId: true, competenceId: true, tutorialIds: true, competence: { select: { index: true, name: true } } },
  });
}

export async function stagesOfCampaign(campaignId: number) {
  const c = await db.campaign.findUnique({ where: { id: campaignId }, select: { targetProfile: { select: { stages: { orderBy: { threshold: "asc" }, select: { threshold: true, title: true, message: true, prescriberTitle: true, prescriberDescription: true } } } } } });
  return c?.targetProfile?.stages ?? [];
}

/** The tutorials of these ids that are not retired, in the order of `ids` (the skill's own order, as authored). */
export async function tutorialsByIds(ids: string[]) {
  if (ids.length === 0) return [];
  const found = await db.tutorial.findMany({ where: { id: { in: ids }, retiredAt: null }, select: { id: true, title: true, source: true, format: true, durationMinutes: true, link: true } });
  return inOrderOf(ids, found);
}

/** Shares once: the conditional update on TO_SHARE makes a double click share a single time. */
export async function shareParticipation(input: {
  participationId: number;
  now: Date;
  snapshot: unknown;
  validatedSkillsCount: number;
  masteryRate: number;
  stageReached: number | null;
  pixScore: number;
  /** Profiles collection: pix per competence (the export reads it instead of the snapshot). */
  pixByCompetence?: Record<string, number>;
  /** Profiles collection: competences at level 1 or more (the tabs' certifiability). */
  certifiableCompetencesCount?: number;
  tubeRows: TubeSummaryRow[];
}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.participation.updateMany({
      where: { id: input.participationId, status: "TO_SHARE", deletedAt: null, campaign: { archivedAt: null, deletedAt: null } },
      data: {
        status: "SHARED", sharedAt: input.now, validatedSkillsCount: input.validatedSkillsCount, masteryRate: input.masteryRate, stageReached: input.stageReached, pixScore: input.pixScore,
        ...(input.tubeRows.length ? { validatedByCompetence: validatedByCompetence(input.tubeRows) } : {}),
        ...(input.pixByCompetence ? { pixByCompetence: input.pixByCompetence } : {}),
        ...(input.certifiableCompetencesCount !== undefined ? { certifiableCompetencesCount: input.certifiableCompetencesCount } : {}),
      },
    });
    if (count !== 1) return false;
    await tx.participationSnapshot.create({ data: { participationId: input.participationId, knowledgeElements: input.snapshot as Prisma.InputJsonValue, createdAt: input.now } });
    if (input.tubeRows.length) {
      await tx.participationTubeResult.createMany({
        data: input.tubeRows.map((r) => ({
          participationId: input.participationId, tubeId: r.tubeId, competenceId: r.competenceId, targetedCount: r.targetedCount,
          validatedCount: r.validatedCount, highestValidated: r.highestValidated, lowestNotValidated: r.lowestNotValidated,
        })),
      });
    }
    await countSharedParticipation(tx, input.participationId);
    await notifyActivityOfParticipation(tx, input.participationId);
    return true;
  });
}

export async function findParticipationFull(participationId: number) {
  return db.participation.findUnique({ where: { id: participationId }, select: { id: true, status: true, sharedAt: true, masteryRate: true, userId: true, campaignId: true } });
}

/** A tutorial's internal page (null when the tutorial is an external link or does not exist). */
export async function findTutorialPage(id: string) {
  const tutorial = await db.tutorial.findUnique({ where: { id }, select: { title: true, page: true, durationMinutes: true, source: true } });
  if (!tutorial?.page) return null;
  return { ...tutorial, page: tutorial.page as unknown as { learn: string; body: string; remember: string } };
}

export async function tutorialIdsOfSkill(skillId: string) {
  return db.skill.findUnique({ where: { id: skillId }, select: { tutorialIds: true, learningMoreTutorialIds: true } });
}
