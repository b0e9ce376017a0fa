import { db } from "../client";
import { notifyCampaignActivity } from "../live/campaign-activity-notify";
import { auditEntry } from "../../domain/audit/audit-entry";
import { writeAudit } from "../repositories/audit-log-repository";
import { NEXT_STEP_SCALE, uncountParticipations } from "../repositories/results-read-models";

/**
 * Read models of the teacher's tabs. "Latest shared participation per pupil": a pupil who retook the
 * parcours (multiple sendings) counts once, with the last results they sent. That participation carries
 * `is_latest_shared` (kept at sharing and deletion, lib/db/repositories/results-read-models.ts), read
 * through a partial index. The caller checked access.
 */
const LATEST_SHARED = `SELECT p.* FROM participations p WHERE p.campaign_id = $1 AND p.is_latest_shared`;

export async function activityStats(campaignId: number) {
  const [counts] = await db.$queryRawUnsafe<{ started: bigint; to_share: bigint; shared: bigint }[]>(
    `SELECT count(*) FILTER (WHERE status = 'STARTED') AS started, count(*) FILTER (WHERE status = 'TO_SHARE') AS to_share,
            count(*) FILTER (WHERE status = 'SHARED') AS shared
     FROM participations WHERE campaign_id = $1 AND deleted_at IS NULL AND is_improved = false`,
    campaignId,
  );
  const [average] = await db.$queryRawUnsafe<{ average: number | null; count: bigint }[]>(
    `SELECT avg(mastery_rate) AS average, count(*) AS count FROM (${LATEST_SHARED}) latest`,
    campaignId,
  );
  return {
    started: Number(counts.started),
    toShare: Number(counts.to_share),
    shared: Number(counts.shared),
    total: Number(counts.started) + Number(counts.to_share) + Number(counts.shared),
    sharedPupils: Number(average.count),
    averageMasteryRate: average.average === null ? null : Number(average.average),
  };
}

/** The Paris calendar day of a column stored as UTC without time zone (Prisma's DateTime), whatever the session's zone. */
const parisDay = (column: string) => `to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD')`;

/** Participations started and results received per day (Europe/Paris), not cumulated: see activitySeries. */
export async function dailyActivity(campaignId: number): Promise<{ day: string; started: number; shared: number }[]> {
  const rows = await db.$queryRawUnsafe<{ day: string; started: bigint; shared: bigint }[]>(
    `WITH events AS (
       SELECT ${parisDay("created_at")} AS day, 1 AS started, 0 AS shared FROM participations WHERE campaign_id = $1 AND deleted_at IS NULL
       UNION ALL
       SELECT ${parisDay("shared_at")}, 0, 1 FROM participations WHERE campaign_id = $1 AND deleted_at IS NULL AND shared_at IS NOT NULL)
     SELECT day, sum(started) AS started, sum(shared) AS shared FROM events GROUP BY day ORDER BY day`,
    campaignId,
  );
  return rows.map((r) => ({ day: r.day, started: Number(r.started), shared: Number(r.shared) }));
}

export const RESULTS_PER_PAGE = 50;

export type ResultRow = {
  participationId: number;
  lastName: string;
  firstName: string;
  externalId: string | null;
  division: string | null;
  masteryRate: number;
  /** Kept at completion; null for results kept before the precision engine (no « ± »). */
  masteryStandardError: number | null;
  stageReached: number | null;
  sharedAt: Date;
};

export async function resultsList(campaignId: number, filter: { search: string; stage: number | null; division: string | null; sort: "nom" | "resultat"; page: number }) {
  const params: unknown[] = [campaignId];
  const conditions: string[] = [];
  const words = filter.search.trim().split(/\s+/).filter(Boolean).slice(0, 3);
  for (const word of words) {
    params.push(`%${word}%`);
    conditions.push(`(coalesce(l.last_name, u.last_name) ILIKE $${params.length} OR coalesce(l.first_name, u.first_name) ILIKE $${params.length})`);
  }
  if (filter.stage !== null) {
    params.push(filter.stage);
    conditions.push(`latest.stage_reached = $${params.length}`);
  }
  if (filter.division) {
    params.push(filter.division);
    conditions.push(`l.division = $${params.length}`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
  const order = filter.sort === "resultat" ? "latest.mastery_rate DESC, last_name, first_name, latest.id" : "last_name, first_name, latest.id";
  const from = `FROM (${LATEST_SHARED}) latest LEFT JOIN learners l ON l.id = latest.learner_id LEFT JOIN users u ON u.id = latest.user_id ${where}`;
  const countParams = params.length;
  params.push(RESULTS_PER_PAGE, (Math.max(1, filter.page) - 1) * RESULTS_PER_PAGE);
  // The page and the total in one pass (the total rides on every row).
  const rows = await db.$queryRawUnsafe<{ id: number; last_name: string | null; first_name: string | null; participant_external_id: string | null; division: string | null; mastery_rate: number; mastery_standard_error: number | null; stage_reached: number | null; shared_at: Date; total: bigint }[]>(
    `SELECT latest.id, coalesce(l.last_name, u.last_name, '(anonyme)') AS last_name, coalesce(l.first_name, u.first_name, '') AS first_name,
            latest.participant_external_id, l.division, latest.mastery_rate, latest.mastery_standard_error, latest.stage_reached, latest.shared_at, count(*) OVER () AS total
     ${from} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    ...params,
  );
  // A page past the end has no row to carry the total: count apart (rare: a bookmarked page after deletions).
  const total = rows.length > 0 ? Number(rows[0].total) : Number((await db.$queryRawUnsafe<{ total: bigint }[]>(`SELECT count(*) AS total ${from}`, ...params.slice(0, countParams)))[0].total);
  return {
    total,
    rows: rows.map((r): ResultRow => ({ participationId: r.id, lastName: r.last_name ?? "", firstName: r.first_name ?? "", externalId: r.participant_external_id, division: r.division, masteryRate: Number(r.mastery_rate ?? 0), masteryStandardError: r.mastery_standard_error === null ? null : Number(r.mastery_standard_error), stageReached: r.stage_reached, sharedAt: r.shared_at })),
  };
}

export async function campaignDivisions(campaignId: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ division: string }[]>(
    `SELECT DISTINCT l.division FROM participations p JOIN learners l ON l.id = p.learner_id WHERE p.campaign_id = $1 AND l.division IS NOT NULL ORDER BY 1`,
    campaignId,
  );
  return rows.map((r) => r.division);
}

/** Per tube of the campaign: its shape and the sums over the latest shared participations (Analyse). */
export async function tubeRelevanceInputs(campaignId: number) {
  const tubes = await db.$queryRawUnsafe<{ tube_id: string; practical_title: string; practical_description: string; competence_id: string; competence_name: string; competence_index: string; area_color: string; targeted: bigint; max_level: number; tutorial_ids: string[] }[]>(
    `SELECT t.id AS tube_id, t.practical_title, t.practical_description, c.id AS competence_id, c.name AS competence_name, c.index AS competence_index, a.color AS area_color,
            count(*) AS targeted, max(s.level) AS max_level, array_agg(DISTINCT tid) FILTER (WHERE tid IS NOT NULL) AS tutorial_ids
     FROM campaign_skills cs JOIN skills s ON s.id = cs.skill_id JOIN tubes t ON t.id = s.tube_id
     JOIN competences c ON c.id = t.competence_id JOIN areas a ON a.id = c.area_id
     LEFT JOIN LATERAL unnest(s.tutorial_ids) AS tid ON true
     WHERE cs.campaign_id = $1 GROUP BY t.id, c.id, c.name, c.index, a.color`,
    campaignId,
  );
  // Sums kept at sharing (campaign_tube_sums: one row per tube); the participants count rides along (tube_id NULL row).
  const sums = await db.$queryRawUnsafe<{ tube_id: string | null; r_sum: number; v_sum: number; rn_sum: number; participants: bigint }[]>(
    `SELECT tube_id, highest_validated_sum::float8 AS r_sum, validated_count_sum::float8 AS v_sum,
            next_step_sum_x840::float8 / ${NEXT_STEP_SCALE} AS rn_sum, 0::bigint AS participants
     FROM campaign_tube_sums WHERE campaign_id = $1
     UNION ALL SELECT NULL, 0, 0, 0, count(*) FROM participations WHERE campaign_id = $1 AND is_latest_shared`,
    campaignId,
  );
  const participants = sums.find((row) => row.tube_id === null)?.participants ?? BigInt(0);
  const sumByTube = new Map(sums.map((s) => [s.tube_id, s]));
  return {
    participants: Number(participants),
    campaignMaxLevel: Math.max(0, ...tubes.map((t) => t.max_level)),
    tubes: tubes.map((t) => ({
      tubeId: t.tube_id,
      practicalTitle: t.practical_title,
      practicalDescription: t.practical_description,
      competenceId: t.competence_id,
      competenceIndex: t.competence_index,
      competenceShortName: t.competence_name,
      competenceName: `${t.competence_index} ${t.competence_name}`,
      areaColor: t.area_color,
      targetedCount: Number(t.targeted),
      tubeMaxLevel: t.max_level,
      tutorialIds: t.tutorial_ids ?? [],
      sums: sumByTube.get(t.tube_id) ?? { r_sum: 0, v_sum: 0, rn_sum: 0 },
    })),
  };
}

/** One participation of the campaign with its per-competence results (the teacher's detail page). */
export async function participationDetail(campaignId: number, participationId: number) {
  const p = await db.participation.findFirst({
    where: { id: participationId, campaignId, deletedAt: null },
    select: {
      id: true, status: true, createdAt: true, sharedAt: true, masteryRate: true, masteryStandardError: true, stageReached: true, participantExternalId: true, userId: true,
      user: { select: { firstName: true, lastName: true } }, learner: { select: { firstName: true, lastName: true, division: true } },
      tubeResults: { select: { tubeId: true, competenceId: true, targetedCount: true, validatedCount: true, highestValidated: true, lowestNotValidated: true } },
    },
  });
  if (!p) return null;
  const tubes = await db.tube.findMany({ where: { id: { in: p.tubeResults.map((r) => r.tubeId) } }, select: { id: true, practicalTitle: true, competence: { select: { id: true, index: true, name: true } } } });
  return { ...p, tubes };
}

/**
 * Deletes a participation for the teacher: anonymised (no account, no roster pupil, no external id: GDPR), no longer
 * counted; the pupil cannot take it again. Audit-logged in the same transaction.
 */
export async function softDeleteParticipation(participationId: number, actor: { userId: number; clientAddress: string }, now: Date): Promise<boolean> {
  const p = await db.participation.findUnique({ where: { id: participationId }, select: { campaignId: true, userId: true, learnerId: true, campaign: { select: { establishmentId: true } } } });
  if (!p) return false;
  return db.$transaction(async (tx) => {
    const where = { campaignId: p.campaignId, deletedAt: null, OR: [{ id: participationId }, ...(p.userId ? [{ userId: p.userId }] : []), ...(p.learnerId ? [{ learnerId: p.learnerId }] : [])] };
    const pupil = await tx.participation.findMany({ where, select: { id: true } });
    if (pupil.length === 0) return false;
    const ids = pupil.map((row) => row.id);
    await tx.$executeRawUnsafe(`SELECT id FROM participations WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`, ids);
    await uncountParticipations(tx, { participationIds: ids });
    const { count } = await tx.participation.updateMany({
      where: { id: { in: ids }, deletedAt: null },
      data: { deletedAt: now, deletedById: actor.userId, userId: null, learnerId: null, participantExternalId: null },
    });
    if (count === 0) return false;
    await notifyCampaignActivity(tx, p.campaignId);
    await writeAudit(tx, [auditEntry({
      action: "PARTICIPATION_DELETED", actorUserId: actor.userId, establishmentId: p.campaign.establishmentId, targetUserId: p.userId,
      targetLearnerId: p.learnerId, clientAddress: actor.clientAddress, details: { campaignId: p.campaignId, participations: count },
    })], now);
    return true;
  });
}

export async function participationCampaignId(participationId: number): Promise<number | null> {
  const p = await db.participation.findUnique({ where: { id: participationId }, select: { campaignId: true } });
  return p?.campaignId ?? null;
}
