import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { campaignMissingLearners } from "@/lib/db/queries/campaign-missing-learners";
import { createEstablishment, createUser } from "../../support/factories";
import { campaignOf, schoolWithTeachers } from "./roster-builders";

async function learner(establishmentId: number, firstName: string, lastName: string, division: string | null, extra: { userId?: number; isDisabled?: boolean } = {}) {
  return db.learner.create({ data: { establishmentId, firstName, lastName, division, birthdate: new Date("2012-03-04"), ...extra } });
}

async function participate(campaignId: number, learnerId: number, userId: number | null, status: "STARTED" | "TO_SHARE" | "SHARED", deleted = false) {
  return db.participation.create({ data: { campaignId, learnerId, userId, status, ...(deleted ? { deletedAt: new Date() } : {}) } });
}

/** Two classes that took part (4A, 4B), one that did not (3C), a disabled pupil, and another school with a 4A too. */
async function campaignWithClasses() {
  const { school, admin } = await schoolWithTeachers();
  const other = await createEstablishment({ isManagingStudents: true, uai: "0751111A" });
  const campaign = await campaignOf(school.id, admin.id);
  const joiner = await createUser({ email: "joiner@example.org" });
  const lea = await learner(school.id, "Léa", "DUPONT", "4A", { userId: joiner.id });
  await participate(campaign.id, lea.id, joiner.id, "SHARED");
  const starter = await createUser({ email: "starter@example.org" });
  const tom = await learner(school.id, "Tom", "MARTIN", "4B", { userId: starter.id });
  await participate(campaign.id, tom.id, starter.id, "STARTED");
  const withAccount = await createUser({ email: "ines@example.org" });
  const ines = await learner(school.id, "Inès", "BERNARD", "4A", { userId: withAccount.id });
  const noe = await learner(school.id, "Noé", "ROBERT", "4B");
  const removed = await learner(school.id, "Zoé", "PETIT", "4B");
  await participate(campaign.id, removed.id, null, "STARTED", true); // a deleted participation: not joined any more
  await learner(school.id, "Gabin", "DURAND", "3C");
  await learner(school.id, "Jules", "LEROY", "4A", { isDisabled: true });
  await learner(other.id, "Eve", "MOREAU", "4A");
  return { school, campaign, ines, noe, removed, tom };
}

const names = (rows: { firstName: string }[]) => rows.map((row) => row.firstName);

describe("campaignMissingLearners (« Tous vos élèves n'apparaissent pas ? » in a campaign)", () => {
  it("lists by name the active pupils of the campaign's classes who have not joined it, never another school's", async () => {
    const { school, campaign, ines } = await campaignWithClasses();
    const missing = await campaignMissingLearners({ id: campaign.id, establishmentId: school.id }, null);
    expect(missing.divisions).toEqual(["4A", "4B"]);
    expect(names(missing.notJoined.rows)).toEqual(["Inès", "Zoé", "Noé"]);
    expect(missing.notJoined.total).toBe(3);
    expect(missing.notJoined.rows[0].account).toMatchObject({ userId: ines.userId, hasEmail: true, isOrgaMember: false });
    expect(missing.notJoined.rows[2].account).toBeNull(); // by class then name: BERNARD, PETIT, ROBERT
    expect(names(missing.notShared.rows)).toEqual(["Tom"]);
  });

  it("keeps to the chosen class, even one that has not taken part", async () => {
    const { school, campaign } = await campaignWithClasses();
    const fourB = await campaignMissingLearners({ id: campaign.id, establishmentId: school.id }, "4B");
    expect(names(fourB.notJoined.rows)).toEqual(["Zoé", "Noé"]);
    expect(names(fourB.notShared.rows)).toEqual(["Tom"]);
    const threeC = await campaignMissingLearners({ id: campaign.id, establishmentId: school.id }, "3C");
    expect(names(threeC.notJoined.rows)).toEqual(["Gabin"]);
    expect(threeC.notShared.total).toBe(0);
  });

  it("lists nobody when nobody has joined yet and no class is chosen", async () => {
    const { school, admin } = await schoolWithTeachers("0752222B");
    await learner(school.id, "Léa", "DUPONT", "4A");
    const campaign = await campaignOf(school.id, admin.id, "EMPTY2345");
    const missing = await campaignMissingLearners({ id: campaign.id, establishmentId: school.id }, null);
    expect(missing.divisions).toEqual([]);
    expect(missing.notJoined).toEqual({ total: 0, rows: [] });
  });
});
