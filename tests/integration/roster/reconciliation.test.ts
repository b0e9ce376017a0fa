import { describe, expect, it } from "vitest";
import { logIn } from "../../support/log-in";
import { db } from "@/lib/db/client";
import { startParticipation } from "@/lib/use-cases/participations/pupil-campaign";
import { reconcileLearner } from "@/lib/use-cases/roster/reconcile-learner";
import { LEARNER_ALREADY_LINKED_MESSAGE, NO_MATCH_MESSAGE, RECONCILIATION_REQUIRED_MESSAGE } from "@/lib/use-cases/roster/reconciliation-messages";
import { previewPupilAccount, signUpAndReconcile } from "@/lib/use-cases/roster/sign-up-and-reconcile";
import { createEstablishment, createUser } from "../../support/factories";
import { campaignOf, learnerNamed, schoolWithFixtureRoster } from "./roster-builders";

const address = "203.0.113.7";
const lea = { firstName: "Léa", lastName: "Dupont", birthdate: "2011-12-01" };

async function restrictedCampaign() {
  const roster = await schoolWithFixtureRoster();
  const campaign = await campaignOf(roster.school.id, roster.admin.id);
  return { ...roster, campaign };
}

describe("reconciliation on a restricted campaign", () => {
  it("asks an unknown account to say who it is, then links it despite a small typo; the participation gets the learner", async () => {
    const { school, campaign } = await restrictedCampaign();
    const pupil = await createUser({ email: "lea@example.org", firstName: "Léa", lastName: "Dupont" });
    await expect(startParticipation({ userId: pupil.id, code: campaign.code, externalId: null })).rejects.toMatchObject({
      code: "RECONCILIATION_REQUIRED",
      message: RECONCILIATION_REQUIRED_MESSAGE,
    });
    await reconcileLearner({ userId: pupil.id, code: campaign.code.toLowerCase(), identity: { ...lea, firstName: " lea ", lastName: "Dupond" }, address });
    const learner = await learnerNamed(school.id, "DUPONT", "Léa");
    expect(learner.userId).toBe(pupil.id);
    const { participationId } = await startParticipation({ userId: pupil.id, code: campaign.code, externalId: null });
    expect(await db.participation.findUniqueOrThrow({ where: { id: participationId } })).toMatchObject({ learnerId: learner.id, userId: pupil.id });
    // Doing it again is harmless.
    await expect(reconcileLearner({ userId: pupil.id, code: campaign.code, identity: lea, address })).resolves.toEqual({ campaignCode: campaign.code });
  });

  it("says « Vérifiez vos informations » when nobody matches (wrong birthdate, or a name too far)", async () => {
    const { campaign } = await restrictedCampaign();
    const pupil = await createUser();
    for (const identity of [{ ...lea, birthdate: "2011-12-02" }, { ...lea, lastName: "Durand" }]) {
      await expect(reconcileLearner({ userId: pupil.id, code: campaign.code, identity, address })).rejects.toMatchObject({ code: "RECONCILIATION_NO_MATCH", message: NO_MATCH_MESSAGE });
    }
    expect(await db.learner.count({ where: { userId: pupil.id } })).toBe(0);
  });

  it("says a pupil is already linked to an account without naming the account", async () => {
    const { campaign } = await restrictedCampaign();
    const first = await createUser({ email: "lea.dupont@example.org" });
    await reconcileLearner({ userId: first.id, code: campaign.code, identity: lea, address });
    const second = await createUser();
    const error = await reconcileLearner({ userId: second.id, code: campaign.code, identity: lea, address }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "LEARNER_ALREADY_LINKED", message: LEARNER_ALREADY_LINKED_MESSAGE });
    expect((error as Error).message).toContain("enseignant");
    expect((error as Error).message).not.toMatch(/\*\*\*|example/);
    await expect(startParticipation({ userId: second.id, code: campaign.code, externalId: null })).rejects.toMatchObject({ code: "RECONCILIATION_REQUIRED" });
  });

  it("refuses an account already linked to another pupil of the establishment", async () => {
    const { campaign } = await restrictedCampaign();
    const pupil = await createUser();
    await reconcileLearner({ userId: pupil.id, code: campaign.code, identity: lea, address });
    await expect(
      reconcileLearner({ userId: pupil.id, code: campaign.code, identity: { firstName: "Ada", lastName: "Lovelace", birthdate: "2011-12-10" }, address }),
    ).rejects.toMatchObject({ code: "ACCOUNT_ALREADY_LINKED" });
  });

  it("a disabled pupil (absent from the last import) can no longer join", async () => {
    const { school, campaign } = await restrictedCampaign();
    const pupil = await createUser();
    await reconcileLearner({ userId: pupil.id, code: campaign.code, identity: lea, address });
    await db.learner.updateMany({ where: { establishmentId: school.id, userId: pupil.id }, data: { isDisabled: true } });
    await expect(startParticipation({ userId: pupil.id, code: campaign.code, externalId: null })).rejects.toMatchObject({ code: "LEARNER_DISABLED" });
  });

  it("a pupil without an account signs up with a generated username and is linked at once", async () => {
    const { school, campaign } = await restrictedCampaign();
    const identity = { ...lea, lastName: "DUPONT" };
    expect(await previewPupilAccount({ code: campaign.code, identity, address })).toEqual({ username: "lea.dupont0112" });
    const created = await signUpAndReconcile({ code: campaign.code, identity, address, account: { method: "username", password: "Lea2026abc", acceptTerms: "on" } });
    expect(created).toEqual({ login: "lea.dupont0112", campaignCode: campaign.code });
    const user = await logIn("lea.dupont0112", "Lea2026abc");
    expect((await learnerNamed(school.id, "DUPONT", "Léa")).userId).toBe(user.id);
    // The pupil is taken now: the same identity cannot create a second account.
    await expect(signUpAndReconcile({ code: campaign.code, identity, address, account: { method: "email", email: "x@example.org", password: "Lea2026abc", acceptTerms: "on" } }))
      .rejects.toMatchObject({ code: "LEARNER_ALREADY_LINKED" });
    expect(await db.user.count({ where: { email: "x@example.org" } })).toBe(0);
  });

  it("campaigns of an establishment that does not manage its pupils stay open to everyone", async () => {
    const open = await createEstablishment({ isManagingStudents: false });
    const owner = await createUser();
    const campaign = await campaignOf(open.id, owner.id, "OPENXX234");
    const pupil = await createUser();
    const { participationId } = await startParticipation({ userId: pupil.id, code: campaign.code, externalId: null });
    expect(await db.participation.findUniqueOrThrow({ where: { id: participationId } })).toMatchObject({ learnerId: null });
    await expect(reconcileLearner({ userId: pupil.id, code: campaign.code, identity: lea, address })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
