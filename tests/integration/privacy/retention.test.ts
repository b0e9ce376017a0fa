import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { unsafeReadAuditLog } from "@/lib/db/repositories/audit-log-repository";
import { rebuildResultsReadModels } from "@/lib/db/repositories/results-read-models";
import { auditEntry } from "@/lib/domain/audit/audit-entry";
import { writeAudit } from "@/lib/db/repositories/audit-log-repository";
import { applyRetention } from "@/lib/use-cases/privacy/apply-retention";
import { createEstablishment, createUser } from "../../support/factories";

/** Fixed clock: 15/01/2030. With the default 36 months, activity before 15/01/2027 is old. */
const NOW = new Date("2030-01-15T03:00:00Z");
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

async function learner(establishmentId: number, name: string, updatedAt: Date, userId: number | null = null) {
  const row = await db.learner.create({ data: { establishmentId, firstName: name, lastName: "ÉLÈVE", birthdate: at("2012-03-04"), nationalStudentId: `INE-${name}`, userId } });
  await db.$executeRawUnsafe(`UPDATE learners SET updated_at = $2 WHERE id = $1`, row.id, updatedAt);
  return row;
}

async function campaign(establishmentId: number, ownerId: number, code: string) {
  return db.campaign.create({ data: { code, name: `Campagne ${code}`, type: "PROFILES_COLLECTION", establishmentId, creatorId: ownerId, ownerId, multipleSendings: true } });
}

/** A participation with its assessment, sent (or not) at the given dates. */
async function participation(input: { campaignId: number; userId: number; learnerId?: number | null; createdAt: Date; sharedAt?: Date; isImproved?: boolean; isLatestShared?: boolean }) {
  const row = await db.participation.create({
    data: {
      campaignId: input.campaignId, userId: input.userId, learnerId: input.learnerId ?? null, participantExternalId: `ext-${input.userId}`,
      status: input.sharedAt ? "SHARED" : "STARTED", createdAt: input.createdAt, sharedAt: input.sharedAt ?? null, isImproved: input.isImproved ?? false,
      isLatestShared: input.isLatestShared ?? Boolean(input.sharedAt), pixScore: 12,
    },
  });
  await db.assessment.create({ data: { userId: input.userId, participationId: row.id } });
  return row;
}

async function scene() {
  const a = await createEstablishment({ name: "Collège A" });
  const b = await createEstablishment({ name: "Lycée B" });
  await db.establishment.update({ where: { id: b.id }, data: { dataRetentionMonths: 12 } });
  const teacher = await createUser();
  const [left, stays, recent, walkIn, late] = await Promise.all([createUser(), createUser(), createUser(), createUser(), createUser()]);
  const ca = await campaign(a.id, teacher.id, "RETENA234");
  const cb = await campaign(b.id, teacher.id, "RETENB234");

  // Left A in 2026: roster entry and participations all older than 36 months.
  const leftLearner = await learner(a.id, "Parti", at("2026-07-01"), left.id);
  const leftFirst = await participation({ campaignId: ca.id, userId: left.id, learnerId: leftLearner.id, createdAt: at("2026-02-01"), sharedAt: at("2026-02-02"), isImproved: true, isLatestShared: false });
  const leftSecond = await participation({ campaignId: ca.id, userId: left.id, learnerId: leftLearner.id, createdAt: at("2026-03-01"), sharedAt: at("2026-03-02") });
  // Still on A's list (imported in 2029) but took the campaign in 2026: the participation goes anonymous, the entry stays.
  const staysLearner = await learner(a.id, "Reste", at("2029-09-01"), stays.id);
  const staysOld = await participation({ campaignId: ca.id, userId: stays.id, learnerId: staysLearner.id, createdAt: at("2026-05-01"), sharedAt: at("2026-05-02") });
  // Active in 2028: everything kept.
  const recentLearner = await learner(a.id, "Recent", at("2026-01-01"), recent.id);
  const recentParticipation = await participation({ campaignId: ca.id, userId: recent.id, learnerId: recentLearner.id, createdAt: at("2028-04-01"), sharedAt: at("2028-04-02") });
  // An account without roster entry, in 2025.
  const walkInParticipation = await participation({ campaignId: ca.id, userId: walkIn.id, createdAt: at("2025-10-01") });
  // B keeps 12 months: June 2028 is old there.
  const lateParticipation = await participation({ campaignId: cb.id, userId: late.id, createdAt: at("2028-06-01"), sharedAt: at("2028-06-02") });

  await db.$transaction(async (tx) => {
    await writeAudit(tx, [auditEntry({ action: "LEARNER_UNLINKED", actorUserId: teacher.id, establishmentId: a.id, targetUserId: left.id, clientAddress: "203.0.113.1" })], at("2028-12-01"));
    await writeAudit(tx, [auditEntry({ action: "LEARNER_UNLINKED", actorUserId: teacher.id, establishmentId: a.id, targetUserId: stays.id, clientAddress: "203.0.113.2" })], at("2029-06-01"));
  });
  return { a, b, ca, leftLearner, leftFirst, leftSecond, staysLearner, staysOld, recentLearner, recentParticipation, walkInParticipation, lateParticipation, left };
}

describe("npm run data:retention (finding 11)", () => {
  it("anonymises what is older than each school's retention period, purges the audit log after a year, and prints it", async () => {
    const s = await scene();
    const report = await applyRetention({ now: NOW });

    expect(report).toMatchObject({ isDryRun: false, establishmentsExamined: 2, auditLinesPurged: 1 });
    expect(report.establishments).toEqual([
      { establishmentId: s.a.id, name: "Collège A", months: 36, cutoff: new Date("2027-01-15T03:00:00Z"), participationsAnonymised: 3, supersededDeleted: 1, learnersDeleted: 1 },
      { establishmentId: s.b.id, name: "Lycée B", months: 12, cutoff: new Date("2029-01-15T03:00:00Z"), participationsAnonymised: 1, supersededDeleted: 0, learnersDeleted: 0 },
    ]);

    const anonymous = { userId: null, learnerId: null, participantExternalId: null };
    expect(await db.participation.findUnique({ where: { id: s.leftFirst.id } })).toBeNull();
    expect(await db.participation.findUniqueOrThrow({ where: { id: s.leftSecond.id } })).toMatchObject({ ...anonymous, status: "SHARED", isLatestShared: true, pixScore: 12 });
    expect(await db.participation.findUniqueOrThrow({ where: { id: s.staysOld.id } })).toMatchObject(anonymous);
    expect(await db.participation.findUniqueOrThrow({ where: { id: s.walkInParticipation.id } })).toMatchObject(anonymous);
    expect(await db.participation.findUniqueOrThrow({ where: { id: s.lateParticipation.id } })).toMatchObject(anonymous);
    expect(await db.participation.findUniqueOrThrow({ where: { id: s.recentParticipation.id } })).toMatchObject({ learnerId: s.recentLearner.id, participantExternalId: expect.any(String) });
    expect(await db.learner.findMany({ where: { establishmentId: s.a.id }, orderBy: { id: "asc" }, select: { id: true } })).toEqual([{ id: s.staysLearner.id }, { id: s.recentLearner.id }]);
    // The pupils keep their own answers: assessments are detached, not deleted; their accounts are untouched.
    expect(await db.assessment.count({ where: { userId: s.left.id } })).toBe(2);
    expect(await db.assessment.count({ where: { userId: s.left.id, participationId: { not: null } } })).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: s.left.id } })).toMatchObject({ anonymisedAt: null });
    // The school's results are unchanged, and a rebuild of its read models agrees with them.
    const flags = async () => (await db.participation.findMany({ where: { campaignId: s.ca.id }, orderBy: { id: "asc" }, select: { id: true, isLatestShared: true } }));
    const kept = await flags();
    await rebuildResultsReadModels(s.ca.id);
    expect(await flags()).toEqual(kept);

    const audit = await unsafeReadAuditLog();
    expect(audit.map((line) => line.action)).toEqual(["LEARNER_UNLINKED", "RETENTION_RUN", "RETENTION_RUN", "AUDIT_LOG_PURGED"]);
    expect(audit[1]).toMatchObject({ actorUserId: null, establishmentId: s.a.id, details: { participationsAnonymised: 3, supersededDeleted: 1, learnersDeleted: 1, months: 36 } });
    expect(audit[0].occurredAt).toEqual(at("2029-06-01"));
  });

  it("is idempotent: a second run finds nothing to do", async () => {
    await scene();
    await applyRetention({ now: NOW });
    const again = await applyRetention({ now: NOW });
    expect(again).toMatchObject({ establishments: [], auditLinesPurged: 0 });
  });

  it("a simulation reports the same work and changes nothing", async () => {
    const s = await scene();
    const dump = async () => JSON.stringify([await db.participation.findMany({ orderBy: { id: "asc" } }), await db.learner.findMany({ orderBy: { id: "asc" } }), await db.auditLog.count()]);
    const before = await dump();
    const simulated = await applyRetention({ now: NOW, isDryRun: true });
    expect(await dump()).toBe(before);
    expect(simulated.establishments.map((e) => [e.establishmentId, e.participationsAnonymised, e.supersededDeleted, e.learnersDeleted])).toEqual([[s.a.id, 3, 1, 1], [s.b.id, 1, 0, 0]]);
    expect(simulated.auditLinesPurged).toBe(1);
  });

  it("a shorter audit retention purges more", async () => {
    await scene();
    expect((await applyRetention({ now: NOW, auditLogDays: 30 })).auditLinesPurged).toBe(2);
  });
});
