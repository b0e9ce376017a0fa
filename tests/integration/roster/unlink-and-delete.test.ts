import { describe, expect, it } from "vitest";
import { sessionFromToken } from "@/lib/auth/session-check";
import { mintSessionToken } from "@/lib/auth/session-token";
import { db } from "@/lib/db/client";
import { unsafeReadAuditLog } from "@/lib/db/repositories/audit-log-repository";
import { deleteParticipation } from "@/lib/use-cases/campaigns/delete-participation";
import { shareResults } from "@/lib/use-cases/participations/participation-results";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { deleteLearner } from "@/lib/use-cases/roster/delete-learner";
import { reconcileLearner } from "@/lib/use-cases/roster/reconcile-learner";
import { NOT_LINKED_MESSAGE, unlinkLearner } from "@/lib/use-cases/roster/unlink-learner";
import { createUser } from "../../support/factories";
import { learnerNamed, schoolWithFixtureRoster, schoolWithTeachers } from "./roster-builders";

const address = "198.51.100.30";
const lea = { firstName: "Léa", lastName: "Dupont", birthdate: "2011-12-01" };

/** The fixture school, a restricted "Collecter les profils" campaign (sharing needs no answers), Léa linked to an account. */
async function schoolWithLinkedLea() {
  const roster = await schoolWithFixtureRoster();
  const campaign = await db.campaign.create({
    data: { code: "PROFIL234", name: "Profils 4A", type: "PROFILES_COLLECTION", establishmentId: roster.school.id, creatorId: roster.admin.id, ownerId: roster.admin.id },
  });
  const pupil = await createUser({ email: "lea@example.org", firstName: "Léa", lastName: "Dupont" });
  await reconcileLearner({ userId: pupil.id, code: campaign.code, identity: lea, address });
  return { ...roster, campaign, pupil, learner: await learnerNamed(roster.school.id, "DUPONT", "Léa") };
}

async function sendProfile(userId: number, campaign: { id: number; code: string }) {
  const { participationId } = await startParticipation({ userId, code: campaign.code, externalId: null });
  await shareResults({ userId, campaignId: campaign.id, isProfilesCollection: true });
  return participationId;
}

describe("« Dissocier » (finding 3)", () => {
  it("a MEMBER undoes a link; it is audit-logged, the account's sessions end and the pupil can identify again", async () => {
    const { school, member, pupil, learner, campaign } = await schoolWithLinkedLea();
    const token = await mintSessionToken({ userId: pupil.id, sessionVersion: (await db.user.findUniqueOrThrow({ where: { id: pupil.id } })).sessionVersion, now: new Date() });
    expect(await sessionFromToken(token, new Date())).toMatchObject({ userId: pupil.id });
    await unlinkLearner({ actorUserId: member.id, learnerId: learner.id, address });
    expect(await sessionFromToken(token, new Date())).toBeNull();
    expect((await db.learner.findUniqueOrThrow({ where: { id: learner.id } })).userId).toBeNull();
    expect(await unsafeReadAuditLog({ action: "LEARNER_UNLINKED" })).toMatchObject([
      { actorUserId: member.id, establishmentId: school.id, targetUserId: pupil.id, targetLearnerId: learner.id, clientAddress: address },
    ]);
    await expect(unlinkLearner({ actorUserId: member.id, learnerId: learner.id, address })).rejects.toMatchObject({ code: "NOT_LINKED", message: NOT_LINKED_MESSAGE });
    await expect(startParticipation({ userId: pupil.id, code: campaign.code, externalId: null })).rejects.toMatchObject({ code: "RECONCILIATION_REQUIRED" });
    await reconcileLearner({ userId: pupil.id, code: campaign.code, identity: lea, address });
    expect((await db.learner.findUniqueOrThrow({ where: { id: learner.id } })).userId).toBe(pupil.id);
  });

  it("nobody outside the school (another school's ADMIN, the pupil, a stranger) can undo a link", async () => {
    const { pupil, learner } = await schoolWithLinkedLea();
    const other = await schoolWithTeachers("0752222C");
    const stranger = await createUser();
    for (const actorUserId of [other.admin.id, pupil.id, stranger.id]) {
      await expect(unlinkLearner({ actorUserId, learnerId: learner.id, address })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(unlinkLearner({ actorUserId: other.admin.id, learnerId: 999_999, address })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.learner.findUniqueOrThrow({ where: { id: learner.id } })).userId).toBe(pupil.id);
    expect(await unsafeReadAuditLog({ action: "LEARNER_UNLINKED" })).toEqual([]);
  });
});

describe("deleting a pupil of the roster (finding 11)", () => {
  it("only an ADMIN of the school deletes; the participations stay, without the roster name; the account is untouched", async () => {
    const { school, admin, member, pupil, learner, campaign } = await schoolWithLinkedLea();
    const participationId = await sendProfile(pupil.id, campaign);
    const other = await schoolWithTeachers("0752222C");
    await expect(deleteLearner({ actorUserId: member.id, learnerId: learner.id, address })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteLearner({ actorUserId: other.admin.id, learnerId: learner.id, address })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.learner.count({ where: { id: learner.id } })).toBe(1);

    expect(await deleteLearner({ actorUserId: admin.id, learnerId: learner.id, address })).toEqual({ participationsUnlinked: 1 });
    expect(await db.learner.count({ where: { id: learner.id } })).toBe(0);
    expect(await db.participation.findUniqueOrThrow({ where: { id: participationId } })).toMatchObject({ learnerId: null, userId: pupil.id, status: "SHARED", isLatestShared: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: pupil.id } })).toMatchObject({ email: "lea@example.org", anonymisedAt: null });
    expect(await unsafeReadAuditLog({ action: "LEARNER_DELETED" })).toMatchObject([
      { actorUserId: admin.id, establishmentId: school.id, targetUserId: pupil.id, targetLearnerId: learner.id, details: { participationsUnlinked: 1 } },
    ]);
    await expect(deleteLearner({ actorUserId: admin.id, learnerId: learner.id, address })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("when two accounts sent results as the same pupil, each becomes a pupil of its own (results read models rebuilt)", async () => {
    const { admin, member, pupil, learner, campaign } = await schoolWithLinkedLea();
    const first = await sendProfile(pupil.id, campaign);
    await unlinkLearner({ actorUserId: member.id, learnerId: learner.id, address });
    const sibling = await createUser();
    await reconcileLearner({ userId: sibling.id, code: campaign.code, identity: lea, address });
    const second = await sendProfile(sibling.id, campaign);
    // One pupil of the roster: only the latest sending counts.
    expect((await db.participation.findMany({ where: { campaignId: campaign.id }, orderBy: { id: "asc" }, select: { isLatestShared: true } })).map((p) => p.isLatestShared)).toEqual([false, true]);

    await deleteLearner({ actorUserId: admin.id, learnerId: learner.id, address });
    const rows = await db.participation.findMany({ where: { id: { in: [first, second] } }, orderBy: { id: "asc" }, select: { learnerId: true, isLatestShared: true } });
    expect(rows).toEqual([{ learnerId: null, isLatestShared: true }, { learnerId: null, isLatestShared: true }]);
  });
});

describe("deleting a participation (finding 11)", () => {
  it("unlinks it from the roster pupil and the account, audit-logged", async () => {
    const { school, admin, pupil, learner, campaign } = await schoolWithLinkedLea();
    const participationId = await sendProfile(pupil.id, campaign);
    await deleteParticipation({ actorUserId: admin.id, participationId, address });
    expect(await db.participation.findUniqueOrThrow({ where: { id: participationId } })).toMatchObject({ learnerId: null, userId: null, participantExternalId: null, isLatestShared: false });
    expect(await db.participation.count({ where: { learnerId: learner.id } })).toBe(0);
    expect(await unsafeReadAuditLog({ action: "PARTICIPATION_DELETED" })).toMatchObject([
      { actorUserId: admin.id, establishmentId: school.id, targetUserId: pupil.id, targetLearnerId: learner.id, clientAddress: address },
    ]);
  });
});
