import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addMember, createEstablishment, createUser } from "../../support/factories";

/** The back-fill statement of the migration that introduced managed_by_establishment_id, run again on test data. */
const MIGRATION = path.resolve(import.meta.dirname, "../../../prisma/migrations/20261206140141_account_ownership_audit_log/migration.sql");
const BACKFILL = readFileSync(MIGRATION, "utf8").slice(readFileSync(MIGRATION, "utf8").indexOf(`UPDATE "users"`));

async function learnerOf(establishmentId: number, userId: number, n: number) {
  return db.learner.create({ data: { establishmentId, userId, firstName: `Élève${n}`, lastName: "TEST", nationalStudentId: `INE${n}` } });
}

describe("migration back-fill of account ownership", () => {
  it("a school manages an existing account only when nothing else is possible", async () => {
    const a = await createEstablishment();
    const b = await createEstablishment();
    const usernameOnly = await createUser({ email: null, username: "eleve.un0101" });
    const garOnly = await db.user.create({ data: { samlId: "GAR-1", firstName: "Gar", lastName: "Seul" } });
    const withEmail = await createUser({ email: "perso@example.org" });
    const twoSchools = await createUser({ email: null, username: "eleve.deux0202" });
    const member = await createUser({ email: null, username: "prof.eleve0303" });
    const unlinked = await createUser({ email: null, username: "eleve.libre0404" });
    await learnerOf(a.id, usernameOnly.id, 1);
    await learnerOf(a.id, garOnly.id, 2);
    await learnerOf(a.id, withEmail.id, 3);
    await learnerOf(a.id, twoSchools.id, 4);
    await learnerOf(b.id, twoSchools.id, 5);
    await learnerOf(b.id, member.id, 6);
    await addMember(b.id, member.id, "MEMBER");

    await db.$executeRawUnsafe(BACKFILL);
    const managed = async (id: number) => (await db.user.findUniqueOrThrow({ where: { id }, select: { managedByEstablishmentId: true } })).managedByEstablishmentId;
    expect(await managed(usernameOnly.id)).toBe(a.id);
    expect(await managed(garOnly.id)).toBe(a.id);
    for (const user of [withEmail, twoSchools, member, unlinked]) expect(await managed(user.id)).toBeNull();
  });
});
