import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { unsafeReadAuditLog } from "@/lib/db/repositories/audit-log-repository";
import { NO_MATCH_MESSAGE } from "@/lib/use-cases/roster/reconciliation-messages";
import { previewPupilAccount } from "@/lib/use-cases/roster/sign-up-and-reconcile";
import { unblockIdentity } from "@/lib/use-cases/roster/unblock-identity";
import { createUser } from "../../support/factories";
import { campaignOf, learnerNamed, schoolWithFixtureRoster, schoolWithTeachers } from "./roster-builders";

/** Review N5: five wrong birthdates typed by a classmate block a pupil's identity check; a teacher clears it. */
const lea = { firstName: "Léa", lastName: "Dupont", birthdate: "2011-12-01" };
const wrongDates = ["2011-01-01", "2011-01-02", "2011-01-03", "2011-01-04", "2011-01-05"];

async function blockedLea() {
  const roster = await schoolWithFixtureRoster();
  const campaign = await campaignOf(roster.school.id, roster.admin.id);
  for (const [i, birthdate] of wrongDates.entries()) {
    await expect(previewPupilAccount({ code: campaign.code, identity: { ...lea, birthdate }, address: `203.0.113.${i}` })).rejects.toMatchObject({ message: NO_MATCH_MESSAGE });
  }
  await expect(previewPupilAccount({ code: campaign.code, identity: lea, address: "198.51.100.9" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  return { ...roster, campaign, learner: await learnerNamed(roster.school.id, "DUPONT", "Léa") };
}

describe("« Débloquer l'identification » (review N5)", () => {
  it("a MEMBER of the school clears the block of a pupil's identity check; the pupil then identifies; audit-logged", async () => {
    const { campaign, member, school, learner } = await blockedLea();
    await unblockIdentity({ actorUserId: member.id, learnerId: learner.id, address: "198.51.100.4" });
    await expect(previewPupilAccount({ code: campaign.code, identity: lea, address: "198.51.100.9" })).resolves.toBeTruthy();
    expect(await unsafeReadAuditLog({ action: "IDENTITY_UNBLOCKED" })).toMatchObject([{ actorUserId: member.id, establishmentId: school.id, targetLearnerId: learner.id, clientAddress: "198.51.100.4" }]);
  });

  it("a teacher of another school, or a pupil, gets NOT_FOUND and the block stays", async () => {
    const { campaign, learner } = await blockedLea();
    const other = await schoolWithTeachers("0754444E");
    await expect(unblockIdentity({ actorUserId: other.admin.id, learnerId: learner.id, address: "198.51.100.4" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const pupil = await createUser({ email: "eleve@example.org" });
    await expect(unblockIdentity({ actorUserId: pupil.id, learnerId: learner.id, address: "198.51.100.4" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(previewPupilAccount({ code: campaign.code, identity: lea, address: "198.51.100.9" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await unsafeReadAuditLog({ action: "IDENTITY_UNBLOCKED" })).toEqual([]);
    expect(await db.rateLimit.count({ where: { key: `identityTarget:learner:${learner.id}` } })).toBe(1);
  });
});
