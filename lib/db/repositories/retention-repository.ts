import { db } from "../client";
import type { Prisma } from "../generated/client";
import { auditEntry } from "../../domain/audit/audit-entry";
import { purgeAuditLog, writeAudit } from "./audit-log-repository";

type Tx = Prisma.TransactionClient;

/** Pupil of a participation within its campaign (the key of the results read models). */
const PUPIL_KEY = `COALESCE(p.learner_id, -p.user_id, -p.id)`;
const ACTIVITY = `GREATEST(p.created_at, COALESCE(p.shared_at, p.created_at), COALESCE(p.deleted_at, p.created_at))`;

/**
 * Participations of the establishment's campaigns whose pupil (in that campaign) has had no activity since the
 * cutoff, and that still carry an identity. The whole pupil's group goes at once, so that no later sending remains
 * named while an earlier one is not.
 */
const OLD_IDENTIFIED = `
WITH groups AS (
  SELECT p.campaign_id, ${PUPIL_KEY} AS pupil, MAX(${ACTIVITY}) AS last_activity
  FROM participations p JOIN campaigns c ON c.id = p.campaign_id
  WHERE c.establishment_id = $1
  GROUP BY 1, 2
)
SELECT p.id, p.is_improved AND NOT p.is_latest_shared AND p.deleted_at IS NULL AS is_superseded
FROM participations p
JOIN groups g ON g.campaign_id = p.campaign_id AND g.pupil = ${PUPIL_KEY}
WHERE g.last_activity < $2 AND (p.user_id IS NOT NULL OR p.learner_id IS NOT NULL OR p.participant_external_id IS NOT NULL)
ORDER BY p.id
FOR UPDATE OF p`;

/** Roster entries with no activity (import, link, participation) since the cutoff. */
const OLD_LEARNERS = `
SELECT l.id FROM learners l
WHERE l.establishment_id = $1 AND l.updated_at < $2
  AND NOT EXISTS (SELECT 1 FROM participations p WHERE p.learner_id = l.id AND ${ACTIVITY} >= $2)
ORDER BY l.id
FOR UPDATE`;

export type RetentionCounts = { participationsAnonymised: number; supersededDeleted: number; learnersDeleted: number };

async function anonymiseEstablishment(tx: Tx, establishmentId: number, cutoff: Date): Promise<RetentionCounts> {
  const old = await tx.$queryRawUnsafe<{ id: number; is_superseded: boolean }[]>(OLD_IDENTIFIED, establishmentId, cutoff);
  const ids = old.map((row) => row.id);
  // Answers stay the pupil's own (their assessments are detached, not deleted); the school keeps the results.
  await tx.$executeRawUnsafe(`UPDATE assessments SET participation_id = NULL WHERE participation_id = ANY($1::int[])`, ids);
  await tx.$executeRawUnsafe(`UPDATE participations SET user_id = NULL, learner_id = NULL, participant_external_id = NULL WHERE id = ANY($1::int[])`, ids);
  // Earlier sendings that no tab shows nor counts: without a pupil to group them, they would be counted by a rebuild.
  const superseded = old.filter((row) => row.is_superseded).map((row) => row.id);
  await tx.$executeRawUnsafe(`DELETE FROM participations WHERE id = ANY($1::int[])`, superseded);

  const learners = (await tx.$queryRawUnsafe<{ id: number }[]>(OLD_LEARNERS, establishmentId, cutoff)).map((row) => row.id);
  await tx.$executeRawUnsafe(`UPDATE participations SET learner_id = NULL WHERE learner_id = ANY($1::int[])`, learners);
  await tx.$executeRawUnsafe(`DELETE FROM learners WHERE id = ANY($1::int[])`, learners);
  return { participationsAnonymised: ids.length - superseded.length, supersededDeleted: superseded.length, learnersDeleted: learners.length };
}

class DryRun extends Error {
  constructor(readonly counts: RetentionCounts) {
    super("dry run");
  }
}

export type RetentionEstablishment = { id: number; name: string; dataRetentionMonths: number };

export async function listEstablishmentsForRetention(): Promise<RetentionEstablishment[]> {
  return db.establishment.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, dataRetentionMonths: true } });
}

/**
 * One establishment in one transaction, with its audit line when something changed. A dry run does the same work
 * and rolls it back, so that what it prints is exactly what a real run would do.
 */
export async function applyEstablishmentRetention(establishment: RetentionEstablishment, cutoff: Date, now: Date, isDryRun: boolean): Promise<RetentionCounts> {
  try {
    return await db.$transaction(async (tx) => {
      const counts = await anonymiseEstablishment(tx, establishment.id, cutoff);
      if (isDryRun) throw new DryRun(counts);
      if (counts.participationsAnonymised + counts.supersededDeleted + counts.learnersDeleted > 0) {
        await writeAudit(tx, [auditEntry({ action: "RETENTION_RUN", actorUserId: null, establishmentId: establishment.id, details: { ...counts, months: establishment.dataRetentionMonths } })], now);
      }
      return counts;
    }, { timeout: 300_000 });
  } catch (error) {
    if (error instanceof DryRun) return error.counts;
    throw error;
  }
}

/** Audit lines older than the cutoff, then expired tokens and pending GAR identities (they name accounts). */
export async function purgeExpired(auditCutoff: Date, now: Date, isDryRun: boolean): Promise<{ auditLinesPurged: number; expiredTokensDeleted: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const auditLinesPurged = await purgeAuditLog(tx, auditCutoff);
      const tokens = await Promise.all([
        tx.passwordResetToken.deleteMany({ where: { expiresAt: { lt: now } } }),
        tx.signInToken.deleteMany({ where: { expiresAt: { lt: now } } }),
        tx.pendingSamlIdentity.deleteMany({ where: { expiresAt: { lt: now } } }),
      ]);
      const result = { auditLinesPurged, expiredTokensDeleted: tokens.reduce((sum, t) => sum + t.count, 0) };
      if (isDryRun) throw new DryRunPurge(result);
      if (auditLinesPurged > 0) {
        await writeAudit(tx, [auditEntry({ action: "AUDIT_LOG_PURGED", actorUserId: null, establishmentId: null, details: { lines: auditLinesPurged, before: auditCutoff.toISOString() } })], now);
      }
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunPurge) return error.result;
    throw error;
  }
}

class DryRunPurge extends Error {
  constructor(readonly result: { auditLinesPurged: number; expiredTokensDeleted: number }) {
    super("dry run");
  }
}
