import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { reconcileLearner } from "@/lib/use-cases/roster/reconcile-learner";
import { LEARNER_ALREADY_LINKED_MESSAGE, NO_MATCH_MESSAGE } from "@/lib/use-cases/roster/reconciliation-messages";
import { previewPupilAccount, signUpAndReconcile } from "@/lib/use-cases/roster/sign-up-and-reconcile";
import { createUser } from "../../support/factories";
import { campaignOf, schoolWithFixtureRoster } from "./roster-builders";

/**
 * Finding 3 of the security review: on a restricted campaign, the anonymous identity preview answered 335 tries in
 * ~10 s (a new X-Forwarded-For each time), revealing a classmate's birthdate and future username; then « Je
 * m'inscris » linked the attacker to the classmate. Checks are now limited per roster entry aimed at and per typed
 * name, which no address or spelling change escapes, and nothing is revealed before a match.
 */
const lea = { firstName: "Léa", lastName: "Dupont", birthdate: "2011-12-01" };
const RATE_LIMITED = { code: "RATE_LIMITED", message: expect.stringMatching(/^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/) };

/** Every day of 2011 but Léa's, in calendar order. */
function wrongBirthdates(count: number): string[] {
  const dates: string[] = [];
  for (let day = new Date("2011-01-01T00:00:00Z"); dates.length < count; day.setUTCDate(day.getUTCDate() + 1)) {
    const iso = day.toISOString().slice(0, 10);
    if (iso !== lea.birthdate) dates.push(iso);
  }
  return dates;
}

async function restrictedCampaign() {
  const roster = await schoolWithFixtureRoster();
  return { ...roster, campaign: await campaignOf(roster.school.id, roster.admin.id) };
}

describe("identity checks on a restricted campaign (finding 3)", () => {
  it("a sweep of birthdates for a classmate stops after 5 failures, whatever the address, and reveals nothing", async () => {
    const { campaign } = await restrictedCampaign();
    for (const [i, birthdate] of wrongBirthdates(5).entries()) {
      const error = await previewPupilAccount({ code: campaign.code, identity: { ...lea, birthdate }, address: `203.0.113.${i}` }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "RECONCILIATION_NO_MATCH", message: NO_MATCH_MESSAGE });
    }
    // Even the right date is refused now, from yet another address: the sweep cannot go on.
    await expect(previewPupilAccount({ code: campaign.code, identity: lea, address: "198.51.100.99" })).rejects.toMatchObject(RATE_LIMITED);
    await expect(signUpAndReconcile({ code: campaign.code, identity: lea, address: "198.51.100.98", account: { method: "username", password: "Pirate2026abc", acceptTerms: "on" } }))
      .rejects.toMatchObject(RATE_LIMITED);
    expect(await db.user.count()).toBe(2);
  });

  it("another spelling of the same name counts against the same pupil", async () => {
    const { campaign } = await restrictedCampaign();
    const spellings = ["Léa Dupont", "Lea Dupond", "LEA DUPONT", "Léa Dupon", "Lèa Dupontt"].map((name) => ({ firstName: name.split(" ")[0], lastName: name.split(" ")[1] }));
    const dates = wrongBirthdates(5);
    for (const [i, spelling] of spellings.entries()) {
      await expect(previewPupilAccount({ code: campaign.code, identity: { ...spelling, birthdate: dates[i] }, address: `203.0.113.${i}` })).rejects.toMatchObject({ code: "RECONCILIATION_NO_MATCH" });
    }
    await expect(previewPupilAccount({ code: campaign.code, identity: { ...lea, firstName: "Lea" }, address: "198.51.100.7" })).rejects.toMatchObject(RATE_LIMITED);
  });

  it("a name matching nobody is limited the same way (no hint that a pupil exists or not)", async () => {
    const { campaign } = await restrictedCampaign();
    const stranger = { firstName: "Zoé", lastName: "Inconnue" };
    for (const [i, birthdate] of wrongBirthdates(5).entries()) {
      await expect(previewPupilAccount({ code: campaign.code, identity: { ...stranger, birthdate }, address: `203.0.113.${i}` })).rejects.toMatchObject({ code: "RECONCILIATION_NO_MATCH" });
    }
    await expect(previewPupilAccount({ code: campaign.code, identity: { ...stranger, birthdate: "2011-06-30" }, address: "198.51.100.7" })).rejects.toMatchObject(RATE_LIMITED);
  });

  it("only failed checks count: a pupil who mistypes, then succeeds, keeps their remaining tries", async () => {
    const { campaign } = await restrictedCampaign();
    const [first, second, third, fourth, fifth] = wrongBirthdates(5);
    for (const birthdate of [first, second, third, fourth]) {
      await expect(previewPupilAccount({ code: campaign.code, identity: { ...lea, birthdate }, address: "203.0.113.1" })).rejects.toMatchObject({ code: "RECONCILIATION_NO_MATCH" });
    }
    for (let i = 0; i < 3; i++) expect(await previewPupilAccount({ code: campaign.code, identity: lea, address: "203.0.113.1" })).toEqual({ username: "lea.dupont0112" });
    await expect(previewPupilAccount({ code: campaign.code, identity: { ...lea, birthdate: fifth }, address: "203.0.113.1" })).rejects.toMatchObject({ code: "RECONCILIATION_NO_MATCH" });
    await expect(previewPupilAccount({ code: campaign.code, identity: lea, address: "203.0.113.1" })).rejects.toMatchObject(RATE_LIMITED);
  });

  it("a signed-in account gets 10 failed checks an hour, whatever the names it types", async () => {
    const { campaign } = await restrictedCampaign();
    const account = await createUser();
    for (let i = 0; i < 10; i++) {
      const identity = { firstName: `Prénom${i}`, lastName: `Nom${i}`, birthdate: "2011-01-01" };
      await expect(reconcileLearner({ userId: account.id, code: campaign.code, identity, address: `203.0.113.${i}` })).rejects.toMatchObject({ code: "RECONCILIATION_NO_MATCH" });
    }
    await expect(reconcileLearner({ userId: account.id, code: campaign.code, identity: lea, address: "198.51.100.7" })).rejects.toMatchObject(RATE_LIMITED);
    expect(await db.learner.count({ where: { userId: account.id } })).toBe(0);
  });

  it("an entry already linked is said so after a match, without any part of the account's login", async () => {
    const { campaign } = await restrictedCampaign();
    await signUpAndReconcile({ code: campaign.code, identity: lea, address: "203.0.113.1", account: { method: "username", password: "Lea2026abc", acceptTerms: "on" } });
    const other = await createUser({ email: "autre@example.org" });
    // One after the other (thunks): a second promise rejecting while the first is awaited would go unhandled.
    for (const attempt of [
      () => reconcileLearner({ userId: other.id, code: campaign.code, identity: lea, address: "203.0.113.2" }),
      () => previewPupilAccount({ code: campaign.code, identity: lea, address: "203.0.113.3" }),
    ]) {
      const error = await attempt().catch((e: unknown) => e as Error);
      expect(error).toMatchObject({ code: "LEARNER_ALREADY_LINKED", message: LEARNER_ALREADY_LINKED_MESSAGE });
      expect((error as Error).message).not.toMatch(/lea|\*\*\*|0112|12/);
    }
  });
});
