import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { importLearners } from "@/lib/use-cases/roster/import-learners";
import { addMember, createEstablishment, createUser } from "../../support/factories";

export const FIXTURE_UAI = "0759999Z";
export const FIXTURE_BYTES = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/siecle/BEE_ELEVES_0759999Z.xml"));
export const NOW = new Date("2026-11-25T09:00:00Z");

/** A school managing its pupils, with an ADMIN and a MEMBER. */
export async function schoolWithTeachers(uai: string = FIXTURE_UAI) {
  const school = await createEstablishment({ uai, isManagingStudents: true });
  const admin = await createUser({ firstName: "Camille", lastName: "Admin" });
  const member = await createUser({ firstName: "Hugo", lastName: "Membre" });
  await addMember(school.id, admin.id, "ADMIN");
  await addMember(school.id, member.id, "MEMBER");
  return { school, admin, member };
}

/** The committed fixture imported into a school whose UAI is 0759999Z. */
export async function schoolWithFixtureRoster() {
  const teachers = await schoolWithTeachers();
  const report = await importLearners({ actorUserId: teachers.admin.id, establishmentId: teachers.school.id, fileName: "BEE_ELEVES_0759999Z.xml", bytes: FIXTURE_BYTES, now: NOW });
  if (report.status !== "IMPORTED") throw new Error(`fixture refused: ${report.message}`);
  return { ...teachers, report };
}

export async function learnerNamed(establishmentId: number, lastName: string, firstName: string) {
  return db.learner.findFirstOrThrow({ where: { establishmentId, lastName, firstName } });
}

/** An ASSESSMENT campaign of the school (created directly: campaign creation is not what these tests are about). */
export async function campaignOf(establishmentId: number, ownerId: number, code = "ROSTER234") {
  return db.campaign.create({
    data: { code, name: "Rentrée 4A", type: "ASSESSMENT", targetProfileId: "tp-rentree-3e", establishmentId, creatorId: ownerId, ownerId },
  });
}
