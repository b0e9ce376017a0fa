/**
 * Retention (`npm run data:retention`): a school keeps a pupil's roster entry and the identity on their
 * participations for `dataRetentionMonths` after the last activity (36 by default: three school years, long enough
 * to follow a pupil through the next school year and answer a family's questions, short enough not to keep former
 * pupils' identities for good); the audit log keeps one year. Pure date arithmetic, the clock is passed in.
 */
export const DEFAULT_RETENTION_MONTHS = 36;
export const DEFAULT_AUDIT_LOG_DAYS = 365;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** `months` calendar months before `now` (UTC), the day clamped to the end of a shorter month (31 May − 3 → 28 Feb). */
export function monthsBefore(now: Date, months: number): Date {
  const total = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(now.getUTCDate(), daysInMonth(year, month));
  return new Date(Date.UTC(year, month, day, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
}

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 3600 * 1000);
}

export interface EstablishmentRetention {
  establishmentId: number;
  name: string;
  months: number;
  cutoff: Date;
  participationsAnonymised: number;
  supersededDeleted: number;
  learnersDeleted: number;
}

export interface RetentionReport {
  isDryRun: boolean;
  establishmentsExamined: number;
  establishments: EstablishmentRetention[];
  auditLogCutoff: Date;
  auditLinesPurged: number;
  expiredTokensDeleted: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** What the command prints: one line per establishment where something was (or would be) done, then the totals. */
export function retentionReportLines(report: RetentionReport, formatDate: (date: Date) => string): string[] {
  const lines = [report.isDryRun ? "Simulation : rien n'a été modifié." : "Conservation des données appliquée."];
  lines.push(`${plural(report.establishmentsExamined, "établissement examiné", "établissements examinés")}.`);
  for (const e of report.establishments) {
    lines.push(
      `${e.name} (conservation ${e.months} mois, activité avant le ${formatDate(e.cutoff)}) : ` +
        `${plural(e.participationsAnonymised, "participation anonymisée", "participations anonymisées")}, ` +
        `${plural(e.supersededDeleted, "ancien envoi supprimé", "anciens envois supprimés")}, ` +
        `${plural(e.learnersDeleted, "élève retiré de la liste", "élèves retirés de la liste")}.`,
    );
  }
  if (report.establishments.length === 0) lines.push("Aucune donnée d'établissement à anonymiser.");
  lines.push(`Journal d'audit : ${plural(report.auditLinesPurged, "ligne supprimée", "lignes supprimées")} (antérieures au ${formatDate(report.auditLogCutoff)}).`);
  lines.push(`Jetons et identités en attente expirés : ${report.expiredTokensDeleted} supprimé(s).`);
  return lines;
}
