import { describe, expect, it } from "vitest";
import { daysBefore, monthsBefore, retentionReportLines } from "@/lib/domain/privacy/retention";

describe("retention dates", () => {
  it("counts calendar months back, clamping the day to a shorter month", () => {
    expect(monthsBefore(new Date("2030-01-15T03:00:00Z"), 36)).toEqual(new Date("2027-01-15T03:00:00Z"));
    expect(monthsBefore(new Date("2030-05-31T00:00:00Z"), 3)).toEqual(new Date("2030-02-28T00:00:00Z"));
    expect(monthsBefore(new Date("2032-03-31T12:00:00Z"), 1)).toEqual(new Date("2032-02-29T12:00:00Z"));
    expect(monthsBefore(new Date("2030-01-10T00:00:00Z"), 13)).toEqual(new Date("2028-12-10T00:00:00Z"));
    expect(daysBefore(new Date("2030-01-15T00:00:00Z"), 365)).toEqual(new Date("2029-01-15T00:00:00Z"));
  });

  it("prints one line per school with work, and the totals, in French", () => {
    const lines = retentionReportLines({
      isDryRun: true, establishmentsExamined: 2, auditLogCutoff: new Date("2029-01-15T00:00:00Z"), auditLinesPurged: 1, expiredTokensDeleted: 0,
      establishments: [{ establishmentId: 1, name: "Collège A", months: 36, cutoff: new Date("2027-01-15T00:00:00Z"), participationsAnonymised: 3, supersededDeleted: 1, learnersDeleted: 0 }],
    }, (date) => date.toISOString().slice(0, 10));
    expect(lines).toEqual([
      "Simulation : rien n'a été modifié.",
      "2 établissements examinés.",
      "Collège A (conservation 36 mois, activité avant le 2027-01-15) : 3 participations anonymisées, 1 ancien envoi supprimé, 0 élève retiré de la liste.",
      "Journal d'audit : 1 ligne supprimée (antérieures au 2029-01-15).",
      "Jetons et identités en attente expirés : 0 supprimé(s).",
    ]);
  });
});
