import { db } from "../client";
import type { AssessmentCampaignExport, ExportArea, ExportCompetence } from "../../domain/export/assessment-columns";
import type { ProfilesCollectionCampaignExport } from "../../domain/export/profiles-collection-columns";
import type { KnowledgeElementStatus, ScoredKnowledgeElement } from "../../domain/scoring/pix-profile";

/**
 * Read models of the CSV export. Participations are read by keyset pagination on their id, one batch
 * at a time, so that a 100,000-participant campaign never sits in memory. Callers checked access.
 */
export const EXPORT_BATCH_SIZE = 1000;

export type CampaignExportHeader =
  | { type: "ASSESSMENT"; campaign: AssessmentCampaignExport }
  | { type: "PROFILES_COLLECTION"; campaign: ProfilesCollectionCampaignExport };

export interface ExportParticipation {
  id: number;
  lastName: string;
  firstName: string;
  division: string | null;
  participantExternalId: string | null;
  status: "STARTED" | "TO_SHARE" | "SHARED";
  createdAt: Date;
  sharedAt: Date | null;
  masteryRate: number | null;
  stageReached: number | null;
  /** Assessment: validated campaign skills per competence id, summed from the per-tube rows (shared only). */
  validatedByCompetence: Map<string, number>;
  /** Assessment, not finished yet: campaign skills with a (non-reset) knowledge element of the user. */
  assessedSkillsCount: number;
  /** Profiles collection, shared: the knowledge elements frozen at sharing. */
  knowledgeElements: ScoredKnowledgeElement[] | null;
}

const byFrameworkOrder = (a: { sortKey: string }, b: { sortKey: string }) =>
  a.sortKey.localeCompare(b.sortKey, "fr", { numeric: true });

/** Campaign, establishment and framework data of the header and of the repeated campaign columns. */
export async function campaignExportHeader(campaignId: number): Promise<CampaignExportHeader | null> {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: {
      id: true, code: true, name: true, type: true, externalIdLabel: true,
      establishment: { select: { name: true, type: true, isManagingStudents: true } },
      targetProfile: { select: { name: true, _count: { select: { stages: true } } } },
    },
  });
  if (!campaign) return null;
  const info = {
    organizationName: campaign.establishment.name,
    campaignId: campaign.id,
    campaignCode: campaign.code,
    campaignName: campaign.name,
    externalIdLabel: campaign.externalIdLabel,
    // Only schools importing their pupils (SIECLE) know each participant's class.
    hasDivision: campaign.establishment.type === "SCO" && campaign.establishment.isManagingStudents,
  };
  if (campaign.type === "PROFILES_COLLECTION") {
    const competences = await db.competence.findMany({
      where: { retiredAt: null },
      select: { id: true, name: true, index: true, area: { select: { code: true } } },
    });
    const ordered = competences.map((c) => ({ id: c.id, name: c.name, sortKey: `${c.area.code}|${c.index}` })).sort(byFrameworkOrder);
    return { type: "PROFILES_COLLECTION", campaign: { ...info, competences: ordered.map(({ id, name }) => ({ id, name })) } };
  }
  const rows = await db.$queryRaw<{ id: string; name: string; index: string; area_id: string; area_code: string; area_name: string; targeted: number }[]>`
    SELECT c.id, c.name, c.index, c.area_id, a.code AS area_code, a.name AS area_name, COUNT(*)::int AS targeted
    FROM campaign_skills cs
    JOIN skills s ON s.id = cs.skill_id
    JOIN competences c ON c.id = s.competence_id
    JOIN areas a ON a.id = c.area_id
    WHERE cs.campaign_id = ${campaignId}
    GROUP BY c.id, a.id`;
  const ordered = rows.map((r) => ({ ...r, sortKey: `${r.area_code}|${r.index}` })).sort(byFrameworkOrder);
  const competences: ExportCompetence[] = ordered.map((r) => ({ id: r.id, name: r.name, areaId: r.area_id, targetedCount: r.targeted }));
  const areas = new Map<string, ExportArea>();
  for (const r of ordered) if (!areas.has(r.area_id)) areas.set(r.area_id, { id: r.area_id, title: r.area_name });
  return {
    type: "ASSESSMENT",
    campaign: {
      ...info,
      targetProfileName: campaign.targetProfile?.name ?? "",
      stagesCount: campaign.targetProfile?._count.stages ?? 0,
      competences,
      areas: [...areas.values()],
    },
  };
}

type ParticipationRow = {
  id: number;
  status: ExportParticipation["status"];
  created_at: Date;
  shared_at: Date | null;
  participant_external_id: string | null;
  mastery_rate: number | null;
  stage_reached: number | null;
  user_id: number | null;
  last_name: string;
  first_name: string;
  division: string | null;
};

async function participationsAfter(campaignId: number, afterId: number, limit: number): Promise<ParticipationRow[]> {
  return db.$queryRaw<ParticipationRow[]>`
    SELECT p.id, p.status::text AS status, p.created_at, p.shared_at, p.participant_external_id, p.mastery_rate,
           p.stage_reached, p.user_id,
           COALESCE(l.last_name, u.last_name, '') AS last_name, COALESCE(l.first_name, u.first_name, '') AS first_name,
           l.division
    FROM participations p
    LEFT JOIN learners l ON l.id = p.learner_id
    LEFT JOIN users u ON u.id = p.user_id
    WHERE p.campaign_id = ${campaignId} AND p.deleted_at IS NULL AND NOT p.is_improved AND p.id > ${afterId}
    ORDER BY p.id
    LIMIT ${limit}`;
}

/**
 * One GROUP BY for the whole batch: validated skills per participation and competence, folded into one
 * JSON object per participation ({"comp-1-1": 17, …}): a thousand rows to decode instead of sixteen thousand.
 */
async function validatedByCompetence(participationIds: number[]): Promise<Map<number, Map<string, number>>> {
  if (participationIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ participation_id: number; counts: string }[]>`
    SELECT participation_id, json_object_agg(competence_id, validated)::text AS counts
    FROM (
      SELECT participation_id, competence_id, SUM(validated_count)::int AS validated
      FROM participation_tube_results
      WHERE participation_id = ANY(${participationIds}::int[])
      GROUP BY participation_id, competence_id
    ) per_competence
    GROUP BY participation_id`;
  return new Map(rows.map((row) => [row.participation_id, new Map(Object.entries(JSON.parse(row.counts) as Record<string, number>))]));
}

/** Unfinished assessments: campaign skills whose latest knowledge element of the user is not a reset. */
async function assessedSkillCounts(participationIds: number[]): Promise<Map<number, number>> {
  if (participationIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ participation_id: number; assessed: number }[]>`
    SELECT p.id AS participation_id, COUNT(*)::int AS assessed
    FROM participations p
    JOIN LATERAL (
      SELECT DISTINCT ON (ke.skill_id) ke.status
      FROM knowledge_elements ke
      JOIN campaign_skills cs ON cs.campaign_id = p.campaign_id AND cs.skill_id = ke.skill_id
      WHERE ke.user_id = p.user_id
      ORDER BY ke.skill_id, ke.created_at DESC, ke.id DESC
    ) latest ON latest.status <> 'RESET'
    WHERE p.id = ANY(${participationIds}::int[])
    GROUP BY p.id`;
  return new Map(rows.map((r) => [r.participation_id, r.assessed]));
}

const KNOWLEDGE_ELEMENT_STATUSES: ReadonlySet<string> = new Set<KnowledgeElementStatus>(["VALIDATED", "INVALIDATED", "RESET"]);

/** The snapshot is JSON written by the sharing: keep well-formed elements, one per skill (the first). */
function snapshotElements(json: unknown): ScoredKnowledgeElement[] {
  if (!Array.isArray(json)) return [];
  const bySkill = new Map<string, ScoredKnowledgeElement>();
  for (const item of json as Record<string, unknown>[]) {
    if (!item || typeof item.skillId !== "string" || typeof item.competenceId !== "string") continue;
    if (typeof item.status !== "string" || !KNOWLEDGE_ELEMENT_STATUSES.has(item.status)) continue;
    if (bySkill.has(item.skillId) || item.status === "RESET") continue;
    const earnedPix = typeof item.earnedPix === "number" && Number.isFinite(item.earnedPix) ? item.earnedPix : 0;
    bySkill.set(item.skillId, { skillId: item.skillId, competenceId: item.competenceId, status: item.status as KnowledgeElementStatus, earnedPix });
  }
  return [...bySkill.values()];
}

async function snapshots(participationIds: number[]): Promise<Map<number, ScoredKnowledgeElement[]>> {
  if (participationIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ participation_id: number; knowledge_elements: unknown }[]>`
    SELECT participation_id, knowledge_elements FROM participation_snapshots WHERE participation_id = ANY(${participationIds}::int[])`;
  return new Map(rows.map((r) => [r.participation_id, snapshotElements(r.knowledge_elements)]));
}

async function readBatch(campaignId: number, type: CampaignExportHeader["type"], afterId: number, batchSize: number): Promise<ExportParticipation[]> {
  const rows = await participationsAfter(campaignId, afterId, batchSize);
  if (rows.length === 0) return [];
  const sharedIds = rows.filter((r) => r.status === "SHARED").map((r) => r.id);
  const startedIds = rows.filter((r) => r.status === "STARTED" && r.user_id !== null).map((r) => r.id);
  const [validated, assessed, knowledge] =
    type === "ASSESSMENT"
      ? await Promise.all([validatedByCompetence(sharedIds), assessedSkillCounts(startedIds), new Map<number, ScoredKnowledgeElement[]>()])
      : [new Map<number, Map<string, number>>(), new Map<number, number>(), await snapshots(sharedIds)];
  return rows.map((row) => ({
    id: row.id,
    lastName: row.last_name,
    firstName: row.first_name,
    division: row.division,
    participantExternalId: row.participant_external_id,
    status: row.status,
    createdAt: row.created_at,
    sharedAt: row.status === "SHARED" ? row.shared_at : null,
    masteryRate: row.mastery_rate,
    stageReached: row.stage_reached,
    validatedByCompetence: validated.get(row.id) ?? new Map<string, number>(),
    assessedSkillsCount: assessed.get(row.id) ?? 0,
    knowledgeElements: row.status === "SHARED" ? (knowledge.get(row.id) ?? []) : null,
  }));
}

/**
 * Every live participation of the campaign (not deleted, not superseded by a newer one; shared or not),
 * in id order, `batchSize` at a time: 2 to 3 queries per batch whatever its size. The next batch is
 * read while the caller writes the current one (at most two batches in memory), so the database's
 * latency hides behind the CSV formatting.
 */
export async function* campaignExportParticipations(
  campaignId: number,
  type: CampaignExportHeader["type"],
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportParticipation[], void, undefined> {
  let next: Promise<ExportParticipation[]> | null = readBatch(campaignId, type, 0, batchSize);
  try {
    while (next) {
      const batch: ExportParticipation[] = await next;
      next = batch.length === batchSize ? readBatch(campaignId, type, batch[batch.length - 1].id, batchSize) : null;
      if (batch.length > 0) yield batch;
    }
  } finally {
    // Stopped early (download cancelled): nobody will await the read ahead, its failure must not go unhandled.
    next?.catch(() => {});
  }
}
