import { pgPool } from "../client";
import { UTC_TIMESTAMPS } from "../utc-timestamps";
import type { AssessmentCampaignExport, ExportArea, ExportCompetence } from "../../domain/export/assessment-columns";
import type { ProfilesCollectionCampaignExport } from "../../domain/export/profiles-collection-columns";
import type { KnowledgeElementStatus, ScoredKnowledgeElement } from "../../domain/scoring/pix-profile";

/**
 * Read models of the CSV export, read through pg directly (pgPool: same pool as Prisma, no Prisma
 * decoding per row). Participations are read by keyset pagination on (campaign_id, id), one batch at a
 * time, so that a 100,000-participant campaign never sits in memory. Callers checked access.
 * 1,000 a batch: on the 100,000-participant bench, 2,000 and 5,000 read no faster and hold more heap.
 */
export const EXPORT_BATCH_SIZE = 1000;

export type CampaignExportHeader =
  | { type: "ASSESSMENT"; campaign: AssessmentCampaignExport }
  | { type: "PROFILES_COLLECTION"; campaign: ProfilesCollectionCampaignExport };

/** A participation as both row writers read it (see AssessmentParticipantExport). */
export interface ExportParticipation {
  id: number;
  status: "STARTED" | "TO_SHARE" | "SHARED";
  lastName: string;
  firstName: string;
  division: string | null;
  participantExternalId: string | null;
  /** Not STARTED any more (progression 100 %). */
  isCompleted: boolean;
  createdAt: Date;
  /** Shared ones only, else null. */
  sharedAt: Date | null;
  /** Stars reached at sharing (reached stage − 1). */
  stars: number | null;
  /** Assessment, shared: standard error of the mastery rate kept at completion (null before the precision engine). */
  masteryStandardError: number | null;
  /** Assessment, shared: validated campaign skills per competence id, written at sharing ({"comp-1-1": 3}). */
  validatedByCompetence: Record<string, number> | null;
  /** Assessment, not finished yet: campaign skills with a (non-reset) knowledge element of the user. */
  assessedSkillsCount: number;
  /** Profiles collection, shared: the knowledge elements frozen at sharing. */
  knowledgeElements: ScoredKnowledgeElement[] | null;
  /** Profiles collection, shared: pix per competence id kept at sharing (null for profiles shared before it was kept). */
  pixByCompetence: Record<string, number> | null;
}

const byFrameworkOrder = (a: { sortKey: string }, b: { sortKey: string }) =>
  a.sortKey.localeCompare(b.sortKey, "fr", { numeric: true });

type CampaignRow = {
  id: number;
  code: string;
  name: string;
  type: CampaignExportHeader["type"];
  external_id_label: string | null;
  establishment_name: string;
  establishment_type: string;
  is_managing_students: boolean;
  target_profile_name: string | null;
  stages_count: number;
};

type CompetenceRow = { id: string; name: string; index: string; area_id: string; area_code: string; area_name: string; targeted: number };

/**
 * Campaign, establishment and framework data of the header and of the repeated campaign columns.
 * Read through pg like the rows: an export then costs Prisma no query plan of its own.
 */
export async function campaignExportHeader(campaignId: number): Promise<CampaignExportHeader | null> {
  const pool = pgPool();
  const { rows: campaigns } = await pool.query<CampaignRow>(
    `SELECT c.id, c.code, c.name, c.type::text AS type, c.external_id_label,
            e.name AS establishment_name, e.type::text AS establishment_type, e.is_managing_students,
            tp.name AS target_profile_name,
            (SELECT COUNT(*)::int FROM stages s WHERE s.target_profile_id = c.target_profile_id) AS stages_count
     FROM campaigns c
     JOIN establishments e ON e.id = c.establishment_id
     LEFT JOIN target_profiles tp ON tp.id = c.target_profile_id
     WHERE c.id = $1`,
    [campaignId],
  );
  const campaign = campaigns[0];
  if (!campaign) return null;
  const info = {
    organizationName: campaign.establishment_name,
    campaignId: campaign.id,
    campaignCode: campaign.code,
    campaignName: campaign.name,
    externalIdLabel: campaign.external_id_label,
    // Only schools importing their pupils (SIECLE) know each participant's class.
    hasDivision: campaign.establishment_type === "SCO" && campaign.is_managing_students,
  };
  if (campaign.type === "PROFILES_COLLECTION") {
    const { rows } = await pool.query<{ id: string; name: string; index: string; area_code: string }>(
      `SELECT c.id, c.name, c.index, a.code AS area_code FROM competences c JOIN areas a ON a.id = c.area_id WHERE c.retired_at IS NULL`,
    );
    const ordered = rows.map((c) => ({ id: c.id, name: c.name, sortKey: `${c.area_code}|${c.index}` })).sort(byFrameworkOrder);
    return { type: "PROFILES_COLLECTION", campaign: { ...info, competences: ordered.map(({ id, name }) => ({ id, name })) } };
  }
  const { rows } = await pool.query<CompetenceRow>(
    `SELECT c.id, c.name, c.index, c.area_id, a.code AS area_code, a.name AS area_name, COUNT(*)::int AS targeted
     FROM campaign_skills cs
     JOIN skills s ON s.id = cs.skill_id
     JOIN competences c ON c.id = s.competence_id
     JOIN areas a ON a.id = c.area_id
     WHERE cs.campaign_id = $1
     GROUP BY c.id, a.id`,
    [campaignId],
  );
  const ordered = rows.map((r) => ({ ...r, sortKey: `${r.area_code}|${r.index}` })).sort(byFrameworkOrder);
  const competences: ExportCompetence[] = ordered.map((r) => ({ id: r.id, name: r.name, areaId: r.area_id, targetedCount: r.targeted }));
  const areas = new Map<string, ExportArea>();
  for (const r of ordered) if (!areas.has(r.area_id)) areas.set(r.area_id, { id: r.area_id, title: r.area_name });
  return {
    type: "ASSESSMENT",
    campaign: {
      ...info,
      targetProfileName: campaign.target_profile_name ?? "",
      stagesCount: campaign.stages_count,
      competences,
      areas: [...areas.values()],
    },
  };
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


/**
 * The columns are named after ExportParticipation's fields: pg's row objects are the participations,
 * nothing is copied per row. Both queries give every field (the other type's as constants) so that
 * every row has one shape.
 */
const PARTICIPATION_COLUMNS = `
  p.id, p.status::text AS status,
  COALESCE(l.last_name, u.last_name, '') AS "lastName", COALESCE(l.first_name, u.first_name, '') AS "firstName",
  l.division, p.participant_external_id AS "participantExternalId",
  p.status <> 'STARTED' AS "isCompleted", p.created_at AS "createdAt",
  CASE WHEN p.status = 'SHARED' THEN p.shared_at END AS "sharedAt", p.stage_reached AS stars`;

const PARTICIPANT_JOINS = `
  FROM participations p
  LEFT JOIN learners l ON l.id = p.learner_id
  LEFT JOIN users u ON u.id = p.user_id`;

const BATCH_WHERE = `
  WHERE p.campaign_id = $1 AND p.deleted_at IS NULL AND NOT p.is_improved AND p.id > $2
  ORDER BY p.id
  LIMIT $3`;

/**
 * Assessment: validated skills per competence come from the participation itself (written at sharing);
 * an unfinished one counts the campaign skills whose latest knowledge element of the user, MODEL ones aside
 * (guesses of an earlier test, not assessments), is not a reset (only STARTED rows run that subquery: CASE
 * evaluates it lazily).
 */
const ASSESSMENT_BATCH = `
  SELECT ${PARTICIPATION_COLUMNS},
    CASE WHEN p.status = 'SHARED' THEN p.validated_by_competence END AS "validatedByCompetence",
    CASE WHEN p.status = 'SHARED' THEN p.mastery_standard_error END AS "masteryStandardError",
    CASE WHEN p.status = 'STARTED' AND p.user_id IS NOT NULL THEN (
      SELECT COUNT(*)::int FROM (
        SELECT DISTINCT ON (ke.skill_id) ke.status
        FROM knowledge_elements ke
        JOIN campaign_skills cs ON cs.campaign_id = p.campaign_id AND cs.skill_id = ke.skill_id
        WHERE ke.user_id = p.user_id AND ke.source <> 'MODEL'
        ORDER BY ke.skill_id, ke.created_at DESC, ke.id DESC
      ) latest WHERE latest.status <> 'RESET'
    ) ELSE 0 END AS "assessedSkillsCount",
    NULL::jsonb AS "knowledgeElements", NULL::jsonb AS "pixByCompetence"
  ${PARTICIPANT_JOINS}
  ${BATCH_WHERE}`;

/** Profiles collection: pix per competence kept at sharing (older sharings: their snapshot). */
const PROFILES_COLLECTION_BATCH = `
  SELECT ${PARTICIPATION_COLUMNS},
    NULL::jsonb AS "validatedByCompetence",
    NULL::float8 AS "masteryStandardError",
    0 AS "assessedSkillsCount",
    CASE WHEN p.status = 'SHARED' THEN p.pix_by_competence END AS "pixByCompetence",
    -- Only profiles shared before pix_by_competence was kept need their snapshot: a subquery that CASE
    -- runs for those rows only (a join would read the snapshots of the whole batch).
    CASE WHEN p.status = 'SHARED' AND p.pix_by_competence IS NULL THEN COALESCE(
      (SELECT s.knowledge_elements FROM participation_snapshots s WHERE s.participation_id = p.id), '[]'::jsonb
    ) END AS "knowledgeElements"
  ${PARTICIPANT_JOINS}
  ${BATCH_WHERE}`;

async function readBatch(campaignId: number, type: CampaignExportHeader["type"], afterId: number, batchSize: number): Promise<ExportParticipation[]> {
  const { rows } = await pgPool().query<ExportParticipation>({
    text: type === "ASSESSMENT" ? ASSESSMENT_BATCH : PROFILES_COLLECTION_BATCH,
    values: [campaignId, afterId, batchSize],
    types: UTC_TIMESTAMPS,
  });
  if (type === "PROFILES_COLLECTION") {
    for (const row of rows) row.knowledgeElements = row.knowledgeElements === null ? null : snapshotElements(row.knowledgeElements);
  }
  return rows;
}

/**
 * Every live participation of the campaign (not deleted, not superseded by a newer one; shared or not),
 * in id order, `batchSize` at a time: one query per batch, a range of the (campaign_id, id) index. The
 * next batch is read while the caller writes the current one (at most two batches in memory), so the
 * database's work runs beside the CSV formatting.
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
