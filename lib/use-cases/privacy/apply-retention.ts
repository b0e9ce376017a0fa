import "server-only";
import { applyEstablishmentRetention, listEstablishmentsForRetention, purgeExpired } from "../../db/repositories/retention-repository";
import { DEFAULT_AUDIT_LOG_DAYS, daysBefore, monthsBefore, type RetentionReport } from "../../domain/privacy/retention";

/**
 * `npm run data:retention` (operators, cron): for every establishment, the identity of pupils without activity for
 * its retention period is erased from its data (participations anonymised, roster entries deleted); then the audit
 * log is purged of lines older than `auditLogDays`, and expired tokens are deleted. Idempotent: a second run on the
 * same day finds nothing to do. No access check: this is not reachable from the web.
 */
export async function applyRetention(input: { now?: Date; auditLogDays?: number; isDryRun?: boolean } = {}): Promise<RetentionReport> {
  const now = input.now ?? new Date();
  const isDryRun = input.isDryRun ?? false;
  const establishments = await listEstablishmentsForRetention();
  const report: RetentionReport = { isDryRun, establishmentsExamined: establishments.length, establishments: [], auditLogCutoff: daysBefore(now, input.auditLogDays ?? DEFAULT_AUDIT_LOG_DAYS), auditLinesPurged: 0, expiredTokensDeleted: 0 };
  for (const establishment of establishments) {
    const cutoff = monthsBefore(now, establishment.dataRetentionMonths);
    const counts = await applyEstablishmentRetention(establishment, cutoff, now, isDryRun);
    if (counts.participationsAnonymised + counts.supersededDeleted + counts.learnersDeleted > 0) {
      report.establishments.push({ establishmentId: establishment.id, name: establishment.name, months: establishment.dataRetentionMonths, cutoff, ...counts });
    }
  }
  Object.assign(report, await purgeExpired(report.auditLogCutoff, now, isDryRun));
  return report;
}
