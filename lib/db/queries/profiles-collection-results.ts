import { db } from "../client";

/**
 * Read models of a « Collecter les profils » campaign's tabs: the profiles received, one per pupil (the pupil's
 * latest sending, `is_latest_shared`, as for assessments), with the pix and certifiable competences kept at sharing
 * and the level counts of campaign_competence_levels. The caller checked access.
 */
const LATEST_SHARED = `SELECT p.* FROM participations p WHERE p.campaign_id = $1 AND p.is_latest_shared`;

/** Competences at level 1 or more a profile needs to be certifiable (MIN_CERTIFIABLE_COMPETENCES). */
const CERTIFIABLE_FROM = 5;

export async function collectionStats(campaignId: number): Promise<{ receivedCount: number; averagePix: number | null; certifiableCount: number }> {
  const [row] = await db.$queryRawUnsafe<{ received: bigint; average_pix: number | null; certifiable: bigint }[]>(
    `SELECT count(*) AS received, avg(pix_score)::float8 AS average_pix,
            count(*) FILTER (WHERE certifiable_competences_count >= ${CERTIFIABLE_FROM}) AS certifiable
     FROM (${LATEST_SHARED}) latest`,
    campaignId,
  );
  return { receivedCount: Number(row.received), averagePix: row.average_pix === null ? null : Number(row.average_pix), certifiableCount: Number(row.certifiable) };
}

export const PROFILES_PER_PAGE = 50;

export type ProfileRow = {
  participationId: number;
  lastName: string;
  firstName: string;
  externalId: string | null;
  division: string | null;
  sharedAt: Date;
  pixScore: number;
  certifiableCompetencesCount: number;
};

export type ProfileFilter = { search: string; division: string | null; certifiable: boolean | null; sort: "nom" | "pix"; page: number };

/** « Résultats » of a profiles collection: one row per pupil, by name or by pix score, a page at a time. */
export async function collectionResultsList(campaignId: number, filter: ProfileFilter): Promise<{ rows: ProfileRow[]; total: number }> {
  const params: unknown[] = [campaignId];
  const conditions: string[] = [];
  for (const word of filter.search.trim().split(/\s+/).filter(Boolean).slice(0, 3)) {
    params.push(`%${word}%`);
    conditions.push(`(coalesce(l.last_name, u.last_name) ILIKE $${params.length} OR coalesce(l.first_name, u.first_name) ILIKE $${params.length})`);
  }
  if (filter.division) {
    params.push(filter.division);
    conditions.push(`l.division = $${params.length}`);
  }
  if (filter.certifiable !== null) conditions.push(`coalesce(latest.certifiable_competences_count, 0) ${filter.certifiable ? ">=" : "<"} ${CERTIFIABLE_FROM}`);
  const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
  const order = filter.sort === "pix" ? "latest.pix_score DESC NULLS LAST, last_name, first_name, latest.id" : "last_name, first_name, latest.id";
  const from = `FROM (${LATEST_SHARED}) latest LEFT JOIN learners l ON l.id = latest.learner_id LEFT JOIN users u ON u.id = latest.user_id ${where}`;
  const countParams = params.length;
  params.push(PROFILES_PER_PAGE, (Math.max(1, filter.page) - 1) * PROFILES_PER_PAGE);
  const rows = await db.$queryRawUnsafe<{ id: number; last_name: string; first_name: string; participant_external_id: string | null; division: string | null; shared_at: Date; pix_score: number | null; certifiable: number | null; total: bigint }[]>(
    `SELECT latest.id, coalesce(l.last_name, u.last_name, '(anonyme)') AS last_name, coalesce(l.first_name, u.first_name, '') AS first_name,
            latest.participant_external_id, l.division, latest.shared_at, latest.pix_score, latest.certifiable_competences_count AS certifiable,
            count(*) OVER () AS total
     ${from} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    ...params,
  );
  // A page past the end has no row to carry the total: count apart.
  const total = rows.length > 0 ? Number(rows[0].total) : Number((await db.$queryRawUnsafe<{ total: bigint }[]>(`SELECT count(*) AS total ${from}`, ...params.slice(0, countParams)))[0].total);
  return {
    total,
    rows: rows.map((r) => ({
      participationId: r.id, lastName: r.last_name, firstName: r.first_name, externalId: r.participant_external_id, division: r.division,
      sharedAt: r.shared_at, pixScore: r.pix_score ?? 0, certifiableCompetencesCount: r.certifiable ?? 0,
    })),
  };
}

/** The level counts of the campaign (Analyse) and the number of profiles they cover. */
export async function competenceLevelCounts(campaignId: number) {
  const [rows, [received]] = await Promise.all([
    db.$queryRawUnsafe<{ competence_id: string; level: number; participants_count: bigint; pix_sum: bigint }[]>(
      `SELECT competence_id, level, participants_count, pix_sum FROM campaign_competence_levels WHERE campaign_id = $1`,
      campaignId,
    ),
    db.$queryRawUnsafe<{ received: bigint }[]>(`SELECT count(*) AS received FROM participations WHERE campaign_id = $1 AND is_latest_shared`, campaignId),
  ]);
  return {
    receivedCount: Number(received.received),
    rows: rows.map((r) => ({ competenceId: r.competence_id, level: r.level, participantsCount: Number(r.participants_count), pixSum: Number(r.pix_sum) })),
  };
}

/** One profile of the campaign for the detail page (any status: an unsent one says so). */
export async function profileDetail(campaignId: number, participationId: number) {
  if (!Number.isSafeInteger(participationId)) return null;
  const p = await db.participation.findFirst({
    where: { id: participationId, campaignId, deletedAt: null },
    select: {
      id: true, status: true, createdAt: true, sharedAt: true, pixScore: true, pixByCompetence: true, certifiableCompetencesCount: true,
      participantExternalId: true, user: { select: { firstName: true, lastName: true } }, learner: { select: { firstName: true, lastName: true, division: true } },
    },
  });
  if (!p) return null;
  return { ...p, pixByCompetence: (p.pixByCompetence ?? {}) as Record<string, number> };
}
