import { db } from "../client";
import type { Prisma } from "../generated/client";

/**
 * Read models of the teacher's tabs, kept in the transaction that changes what they summarise:
 * - `participations.is_latest_shared`: the participation whose results the teacher sees for its pupil
 *   (shared, not deleted, the pupil's latest shared one: a pupil who sent twice counts once);
 * - `campaign_tube_sums`: per campaign and tube, the sums of the Analyse formula over those participations;
 * - `campaign_challenge_sums`: per campaign and challenge, the pupils of those participations who met it and
 *   those who got it right (the « Questions » view of Analyse);
 * - `campaign_competence_levels` (profiles collections): per campaign, competence and level, the counted profiles
 *   at that level and their pix.
 * The tabs then read one row per tube or competence level, or a partial index, instead of every pupil's rows.
 * `rebuildResultsReadModels` computes them from scratch (the migrations' backfills do the same).
 */
type Tx = Prisma.TransactionClient;

/** Pupil of a participation within its campaign: the school's learner, else the account, else itself. */
const PUPIL_KEY = (alias: string) => `COALESCE(${alias}.learner_id, -${alias}.user_id, -${alias}.id)`;

/** 840 is divisible by every level 1..8: Σ 840·r/n stays an exact integer. */
export const NEXT_STEP_SCALE = 840;

/** Adds (sign 1) or removes (sign -1) the tube rows of these participations to their campaigns' sums. */
async function applyTubeSums(tx: Tx, participationIds: number[], sign: 1 | -1): Promise<void> {
  if (participationIds.length === 0) return;
  // Rows are written in tube order: two sharings of the same campaign lock the sums in the same order.
  await tx.$executeRawUnsafe(
    `INSERT INTO campaign_tube_sums AS s (campaign_id, tube_id, highest_validated_sum, validated_count_sum, next_step_sum_x840)
     SELECT p.campaign_id, r.tube_id, $2 * SUM(r.highest_validated), $2 * SUM(r.validated_count),
            $2 * SUM(r.highest_validated * ${NEXT_STEP_SCALE} / GREATEST(r.lowest_not_validated, 1))
     FROM participation_tube_results r JOIN participations p ON p.id = r.participation_id
     WHERE r.participation_id = ANY($1::int[])
     GROUP BY p.campaign_id, r.tube_id
     ORDER BY p.campaign_id, r.tube_id
     ON CONFLICT (campaign_id, tube_id) DO UPDATE SET
       highest_validated_sum = s.highest_validated_sum + EXCLUDED.highest_validated_sum,
       validated_count_sum = s.validated_count_sum + EXCLUDED.validated_count_sum,
       next_step_sum_x840 = s.next_step_sum_x840 + EXCLUDED.next_step_sum_x840`,
    participationIds,
    sign,
  );
}

/** Adds (sign 1) or removes (sign -1) the answers of these participations to their campaigns' per-challenge counts. */
async function applyChallengeSums(tx: Tx, participationIds: number[], sign: 1 | -1): Promise<void> {
  if (participationIds.length === 0) return;
  // Profiles collections have no assessment: nothing to do for them. Rows in key order (no deadlock).
  await tx.$executeRawUnsafe(
    `INSERT INTO campaign_challenge_sums AS s (campaign_id, challenge_id, met_count, success_count)
     SELECT p.campaign_id, an.challenge_id, $2 * count(*), $2 * count(*) FILTER (WHERE an.result = 'OK')
     FROM participations p JOIN assessments a ON a.participation_id = p.id JOIN answers an ON an.assessment_id = a.id
     WHERE p.id = ANY($1::int[])
     GROUP BY p.campaign_id, an.challenge_id
     ORDER BY p.campaign_id, an.challenge_id
     ON CONFLICT (campaign_id, challenge_id) DO UPDATE SET
       met_count = s.met_count + EXCLUDED.met_count,
       success_count = s.success_count + EXCLUDED.success_count`,
    participationIds,
    sign,
  );
}

/** Level of a competence from its pix, as pixProfile computes it (pix are kept capped): 8 pix per level. */
const LEVEL_OF = (pix: string) => `floor(${pix}::numeric / 8)::int`;

/** Adds (sign 1) or removes (sign -1) the pix per competence of these profiles to their campaigns' level counts. */
async function applyCompetenceLevels(tx: Tx, participationIds: number[], sign: 1 | -1): Promise<void> {
  if (participationIds.length === 0) return;
  // Assessment participations have no pix_by_competence: nothing to do for them. Rows in key order (no deadlock).
  await tx.$executeRawUnsafe(
    `INSERT INTO campaign_competence_levels AS l (campaign_id, competence_id, level, participants_count, pix_sum)
     SELECT p.campaign_id, e.key, ${LEVEL_OF("e.value")}, $2 * count(*), $2 * SUM(e.value::numeric)::bigint
     FROM participations p CROSS JOIN LATERAL jsonb_each_text(p.pix_by_competence) e
     WHERE p.id = ANY($1::int[]) AND p.pix_by_competence IS NOT NULL
     GROUP BY p.campaign_id, e.key, ${LEVEL_OF("e.value")}
     ORDER BY p.campaign_id, e.key, ${LEVEL_OF("e.value")}
     ON CONFLICT (campaign_id, competence_id, level) DO UPDATE SET
       participants_count = l.participants_count + EXCLUDED.participants_count,
       pix_sum = l.pix_sum + EXCLUDED.pix_sum`,
    participationIds,
    sign,
  );
}

/** Both kinds of sums, for participations entering (1) or leaving (-1) the results. */
async function applySums(tx: Tx, participationIds: number[], sign: 1 | -1): Promise<void> {
  await applyTubeSums(tx, participationIds, sign);
  await applyChallengeSums(tx, participationIds, sign);
  await applyCompetenceLevels(tx, participationIds, sign);
}

/**
 * A participation was just shared (in `tx`): it becomes its pupil's counted participation, in place of
 * the one the pupil sent before (multiple sendings). The pupil's rows are locked first, so a teacher
 * deleting the pupil at the same moment waits, and the sums always match the flags.
 */
export async function countSharedParticipation(tx: Tx, participationId: number): Promise<void> {
  const previous = await tx.$queryRawUnsafe<{ id: number }[]>(
    `SELECT q.id, q.is_latest_shared FROM participations p
     JOIN participations q ON q.campaign_id = p.campaign_id AND ${PUPIL_KEY("q")} = ${PUPIL_KEY("p")}
     WHERE p.id = $1 ORDER BY q.id FOR UPDATE OF q`,
    participationId,
  );
  const replaced = await tx.$queryRawUnsafe<{ id: number }[]>(
    `UPDATE participations SET is_latest_shared = false WHERE id = ANY($1::int[]) AND id <> $2 AND is_latest_shared RETURNING id`,
    previous.map((row) => row.id),
    participationId,
  );
  await applySums(tx, replaced.map((row) => row.id), -1);
  const counted = await tx.$executeRawUnsafe(
    `UPDATE participations SET is_latest_shared = true WHERE id = $1 AND status = 'SHARED' AND deleted_at IS NULL AND NOT is_latest_shared`,
    participationId,
  );
  if (counted === 1) await applySums(tx, [participationId], 1);
}

/** Participations about to be deleted (in `tx`): those counted in results leave the sums and the tabs. */
export async function uncountParticipations(tx: Tx, where: { participationIds: number[] } | { campaignId: number }): Promise<void> {
  const uncounted =
    "campaignId" in where
      ? await tx.$queryRawUnsafe<{ id: number }[]>(
          `UPDATE participations SET is_latest_shared = false WHERE campaign_id = $1 AND is_latest_shared RETURNING id`,
          where.campaignId,
        )
      : await tx.$queryRawUnsafe<{ id: number }[]>(
          `UPDATE participations SET is_latest_shared = false WHERE id = ANY($1::int[]) AND is_latest_shared RETURNING id`,
          where.participationIds,
        );
  if ("campaignId" in where) {
    await tx.campaignTubeSum.deleteMany({ where: { campaignId: where.campaignId } });
    await tx.campaignChallengeSum.deleteMany({ where: { campaignId: where.campaignId } });
    await tx.campaignCompetenceLevel.deleteMany({ where: { campaignId: where.campaignId } });
    return;
  }
  await applySums(tx, uncounted.map((row) => row.id), -1);
}

/** From scratch, for one campaign: the flags, then the sums and level counts (repair, generated data, tests). */
export async function rebuildResultsReadModels(campaignId: number): Promise<void> {
  await db.$transaction((tx) => rebuildResultsReadModelsIn(tx, campaignId), { timeout: 120_000 });
}

/** The same inside the caller's transaction (a change that regroups a campaign's pupils, e.g. a deleted learner). */
export async function rebuildResultsReadModelsIn(tx: Tx, campaignId: number): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT id FROM participations WHERE campaign_id = $1 ORDER BY id FOR UPDATE`, campaignId);
  await tx.$executeRawUnsafe(`UPDATE participations SET is_latest_shared = false WHERE campaign_id = $1 AND is_latest_shared`, campaignId);
  await tx.$executeRawUnsafe(
    `UPDATE participations p SET is_latest_shared = true
     FROM (
       SELECT DISTINCT ON (${PUPIL_KEY("q")}) q.id FROM participations q
       WHERE q.campaign_id = $1 AND q.status = 'SHARED' AND q.deleted_at IS NULL
       ORDER BY ${PUPIL_KEY("q")}, q.shared_at DESC, q.id DESC
     ) latest
     WHERE p.id = latest.id`,
    campaignId,
  );
  await tx.campaignTubeSum.deleteMany({ where: { campaignId } });
  await tx.$executeRawUnsafe(
    `INSERT INTO campaign_tube_sums (campaign_id, tube_id, highest_validated_sum, validated_count_sum, next_step_sum_x840)
     SELECT p.campaign_id, r.tube_id, SUM(r.highest_validated), SUM(r.validated_count),
            SUM(r.highest_validated * ${NEXT_STEP_SCALE} / GREATEST(r.lowest_not_validated, 1))
     FROM participations p JOIN participation_tube_results r ON r.participation_id = p.id
     WHERE p.campaign_id = $1 AND p.is_latest_shared
     GROUP BY p.campaign_id, r.tube_id`,
    campaignId,
  );
  await tx.campaignChallengeSum.deleteMany({ where: { campaignId } });
  await tx.$executeRawUnsafe(
    `INSERT INTO campaign_challenge_sums (campaign_id, challenge_id, met_count, success_count)
     SELECT p.campaign_id, an.challenge_id, count(*), count(*) FILTER (WHERE an.result = 'OK')
     FROM participations p JOIN assessments a ON a.participation_id = p.id JOIN answers an ON an.assessment_id = a.id
     WHERE p.campaign_id = $1 AND p.is_latest_shared
     GROUP BY p.campaign_id, an.challenge_id`,
    campaignId,
  );
  await rebuildCompetenceLevels(tx, campaignId);
}

/** The level counts of one campaign from its counted profiles (after its flags are rebuilt, in the same transaction). */
async function rebuildCompetenceLevels(tx: Tx, campaignId: number): Promise<void> {
  await tx.campaignCompetenceLevel.deleteMany({ where: { campaignId } });
  await tx.$executeRawUnsafe(
    `INSERT INTO campaign_competence_levels (campaign_id, competence_id, level, participants_count, pix_sum)
     SELECT p.campaign_id, e.key, ${LEVEL_OF("e.value")}, count(*), SUM(e.value::numeric)::bigint
     FROM participations p CROSS JOIN LATERAL jsonb_each_text(p.pix_by_competence) e
     WHERE p.campaign_id = $1 AND p.is_latest_shared AND p.pix_by_competence IS NOT NULL
     GROUP BY p.campaign_id, e.key, ${LEVEL_OF("e.value")}`,
    campaignId,
  );
}
