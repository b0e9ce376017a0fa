import { describe, expect, it } from "vitest";
import { logIn } from "../../support/log-in";
import { hashToken } from "@/lib/auth/tokens";
import { unsafeReadAuditLog } from "@/lib/db/repositories/audit-log-repository";
import { createPendingSamlIdentity } from "@/lib/db/repositories/saml-repository";
import { completeGarFirstArrival } from "@/lib/use-cases/gar/complete-gar-first-arrival";
import { db } from "@/lib/db/client";
import { importLearners } from "@/lib/use-cases/roster/import-learners";
import { generateCredentialsSheet, manageLearnerAccount } from "@/lib/use-cases/roster/manage-learner-accounts";
import { reconcileLearner } from "@/lib/use-cases/roster/reconcile-learner";
import { signUpAndReconcile } from "@/lib/use-cases/roster/sign-up-and-reconcile";
import { fixturePupils, siecleXml } from "@/tests/support/siecle-sample";
import { createUser } from "../../support/factories";
import { FIXTURE_UAI, NOW, campaignOf, learnerNamed, schoolWithFixtureRoster, schoolWithTeachers } from "./roster-builders";

/**
 * Finding 1 of the security review: an ADMIN of school B imported a file holding the INE and birthdate of a pupil of
 * school A; the import linked the pupil's account to B, and B then reset its password. An import must never hand an
 * account to another establishment: the pupil links it themselves by joining a campaign of the new school.
 */
const address = "198.51.100.20";
const lea = { firstName: "Léa", lastName: "Dupont", birthdate: "2011-12-01" };
const LEA_INE = "0759999006A";

/** School A with its roster and a restricted campaign; school B (another UAI) with teachers and a campaign. */
async function twoSchools() {
  const a = await schoolWithFixtureRoster();
  const campaignA = await campaignOf(a.school.id, a.admin.id, "ECOLEA234");
  const b = await schoolWithTeachers("0754444K");
  const campaignB = await campaignOf(b.school.id, b.admin.id, "ECOLEB234");
  return { a, b, campaignA, campaignB };
}

/** B's ADMIN imports a SIECLE file holding A's pupils (same INEs and birthdates). */
async function bImportsAsPupils(b: { admin: { id: number }; school: { id: number } }) {
  const report = await importLearners({ actorUserId: b.admin.id, establishmentId: b.school.id, fileName: "BEE_ELEVES.xml", bytes: siecleXml(fixturePupils(), { uai: "0754444K" }), now: NOW });
  expect(report.status).toBe("IMPORTED");
  return report;
}

describe("no account takeover across schools (finding 1)", () => {
  it("an import never links an account of another school, even with the same INE and birthdate", async () => {
    const { a, b, campaignA } = await twoSchools();
    const pupil = await createUser({ email: "lea@example.org", firstName: "Léa", lastName: "Dupont" });
    await reconcileLearner({ userId: pupil.id, code: campaignA.code, identity: lea, address });
    expect((await learnerNamed(a.school.id, "DUPONT", "Léa")).userId).toBe(pupil.id);

    await bImportsAsPupils(b);
    const inB = await learnerNamed(b.school.id, "DUPONT", "Léa");
    expect(inB.nationalStudentId).toBe(LEA_INE);
    expect(inB.userId).toBeNull();
    expect(await db.learner.count({ where: { establishmentId: b.school.id, userId: { not: null } } })).toBe(0);

    // So B has nothing to reset: the pupil has no account on B's list.
    await expect(manageLearnerAccount({ actorUserId: b.admin.id, learnerId: inB.id, action: "RESET_PASSWORD", address })).rejects.toMatchObject({ code: "ACCOUNT_NOT_MANAGEABLE" });
    await expect(generateCredentialsSheet({ actorUserId: b.member.id, establishmentId: b.school.id, learnerIds: [inB.id], action: "ADD_USERNAME", address })).rejects.toMatchObject({ code: "NOTHING_TO_GENERATE" });
    expect(await logIn("lea@example.org", "Pix12345")).toMatchObject({ id: pupil.id, shouldChangePassword: false });
  });

  it("the pupil who changed school links their own account by joining B's restricted campaign; A's link stays", async () => {
    const { a, b, campaignA, campaignB } = await twoSchools();
    const pupil = await createUser({ email: "lea@example.org", firstName: "Léa", lastName: "Dupont" });
    await reconcileLearner({ userId: pupil.id, code: campaignA.code, identity: lea, address });
    await bImportsAsPupils(b);

    await reconcileLearner({ userId: pupil.id, code: campaignB.code, identity: lea, address });
    expect((await learnerNamed(b.school.id, "DUPONT", "Léa")).userId).toBe(pupil.id);
    expect((await learnerNamed(a.school.id, "DUPONT", "Léa")).userId).toBe(pupil.id);
  });

  it("B never resets nor adds a username to an account that A's roster created, even once the pupil joined B", async () => {
    const { a, b, campaignA, campaignB } = await twoSchools();
    // Léa signs up through A's roster with a username: A manages this account.
    const created = await signUpAndReconcile({ code: campaignA.code, identity: lea, address, account: { method: "username", password: "Lea2026abc", acceptTerms: "on" } });
    await bImportsAsPupils(b);
    const user = await logIn(created.login, "Lea2026abc");
    await reconcileLearner({ userId: user.id, code: campaignB.code, identity: lea, address });
    const inB = await learnerNamed(b.school.id, "DUPONT", "Léa");
    expect(inB.userId).toBe(user.id);

    for (const actorUserId of [b.admin.id, b.member.id]) {
      await expect(manageLearnerAccount({ actorUserId, learnerId: inB.id, action: "RESET_PASSWORD", address })).rejects.toMatchObject({ code: "ACCOUNT_NOT_MANAGEABLE" });
    }
    expect((await logIn(created.login, "Lea2026abc")).shouldChangePassword).toBe(false);
    // A, which created it and still has Léa on its list, does manage it.
    const inA = await learnerNamed(a.school.id, "DUPONT", "Léa");
    const reset = await manageLearnerAccount({ actorUserId: a.member.id, learnerId: inA.id, action: "RESET_PASSWORD", address });
    expect(reset.login).toBe(created.login);
  });

  it("an account created by A's GAR first arrival cannot get a username from B", async () => {
    const { a, b } = await twoSchools();
    const inA = await learnerNamed(a.school.id, "DUPONT", "Léa");
    const garUser = await db.user.create({ data: { samlId: "GAR-LEA", firstName: "Léa", lastName: "Dupont", managedByEstablishmentId: a.school.id } });
    await db.learner.update({ where: { id: inA.id }, data: { userId: garUser.id } });
    await bImportsAsPupils(b);
    const inB = await learnerNamed(b.school.id, "DUPONT", "Léa");
    // Even if the account were linked to B (by the pupil), B does not manage it.
    await db.learner.update({ where: { id: inB.id }, data: { userId: garUser.id } });
    await expect(manageLearnerAccount({ actorUserId: b.admin.id, learnerId: inB.id, action: "ADD_USERNAME", address })).rejects.toMatchObject({ code: "ACCOUNT_NOT_MANAGEABLE" });
    expect((await db.user.findUniqueOrThrow({ where: { id: garUser.id } })).username).toBeNull();
  });

  it("a GAR first arrival creates an account managed by the school of the UAI, audit-logged; B cannot give it a username", async () => {
    const { a, b } = await twoSchools();
    const token = "jeton-de-premiere-arrivee";
    const now = new Date();
    await createPendingSamlIdentity({ tokenHash: hashToken(token), samlId: "GAR-IDO-LEA", firstName: "Léa", lastName: "Dupont", uais: [FIXTURE_UAI], expiresAt: new Date(now.getTime() + 3_600_000), now });
    await completeGarFirstArrival({ token, birthdate: "2011-12-01", address, now });
    const user = await db.user.findUniqueOrThrow({ where: { samlId: "GAR-IDO-LEA" } });
    expect(user.managedByEstablishmentId).toBe(a.school.id);
    const inA = await learnerNamed(a.school.id, "DUPONT", "Léa");
    expect(await unsafeReadAuditLog({ action: "LEARNER_LINKED" })).toMatchObject([
      { actorUserId: user.id, establishmentId: a.school.id, targetUserId: user.id, targetLearnerId: inA.id, clientAddress: address, details: { via: "gar", isManaged: true } },
    ]);
    // A gives it a username; B, whose import holds the same pupil, has nothing to act on.
    await expect(manageLearnerAccount({ actorUserId: a.member.id, learnerId: inA.id, action: "ADD_USERNAME", address })).resolves.toMatchObject({ login: "lea.dupont0112" });
    await bImportsAsPupils(b);
    const inB = await learnerNamed(b.school.id, "DUPONT", "Léa");
    await expect(manageLearnerAccount({ actorUserId: b.admin.id, learnerId: inB.id, action: "RESET_PASSWORD", address })).rejects.toMatchObject({ code: "ACCOUNT_NOT_MANAGEABLE" });
  });

  it("management follows the pupil only when they link the account themselves after leaving the managing school", async () => {
    const { a, b, campaignA, campaignB } = await twoSchools();
    const created = await signUpAndReconcile({ code: campaignA.code, identity: lea, address, account: { method: "username", password: "Lea2026abc", acceptTerms: "on" } });
    const user = await logIn(created.login, "Lea2026abc");
    await bImportsAsPupils(b);
    // Léa left A: A's next import no longer holds her (she is disabled there).
    const withoutLea = fixturePupils().filter((pupil) => pupil.lastName !== "DUPONT");
    const report = await importLearners({ actorUserId: a.admin.id, establishmentId: a.school.id, fileName: "BEE_ELEVES.xml", bytes: siecleXml(withoutLea, { uai: FIXTURE_UAI }), now: NOW });
    expect(report).toMatchObject({ status: "IMPORTED", disabled: 1 });

    await reconcileLearner({ userId: user.id, code: campaignB.code, identity: lea, address });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).managedByEstablishmentId).toBe(b.school.id);
    expect((await unsafeReadAuditLog({ action: "LEARNER_LINKED", establishmentId: b.school.id }))[0].details).toEqual({ via: "reconciliation", managementTransferred: true });
    const inB = await learnerNamed(b.school.id, "DUPONT", "Léa");
    await expect(manageLearnerAccount({ actorUserId: b.member.id, learnerId: inB.id, action: "RESET_PASSWORD", address })).resolves.toMatchObject({ login: created.login });
    const inA = await learnerNamed(a.school.id, "DUPONT", "Léa");
    await expect(manageLearnerAccount({ actorUserId: a.admin.id, learnerId: inA.id, action: "RESET_PASSWORD", address })).rejects.toMatchObject({ code: "ACCOUNT_NOT_MANAGEABLE" });
  });
});
