import type { PrismaClient } from "../prisma-factory";
import { hashPassword } from "../../auth/password-hashing";

export const DEMO_PASSWORD = "Pix12345";
export const DEMO_UAI = "0759999Z";
export const OTHER_UAI = "0759998Y";

export const DEMO_ACCOUNTS = {
  admin: { email: "correspondant@example.org", firstName: "Camille", lastName: "Martin" },
  member: { email: "enseignant@example.org", firstName: "Hugo", lastName: "Bernard" },
  otherAdmin: { email: "admin.autre@example.org", firstName: "Nadia", lastName: "Haddad" },
  pupils: [
    { email: "charles.babbage@example.org", firstName: "Charles", lastName: "Babbage", birthdate: "2011-03-14" },
    { email: "ada.lovelace@example.org", firstName: "Ada", lastName: "Lovelace", birthdate: "2011-12-10" },
    { email: "mary.jackson@example.org", firstName: "Mary", lastName: "Jackson", birthdate: "2011-04-09" },
    { email: "louis.pouzin@example.org", firstName: "Louis", lastName: "Pouzin", birthdate: "2011-04-20" },
    { email: "garance.santa@example.org", firstName: "Garance", lastName: "Santa", birthdate: "2011-07-02" },
  ],
} as const;

async function upsertUser(
  client: PrismaClient,
  data: { email: string; firstName: string; lastName: string; birthdate?: string },
  passwordHash: string,
): Promise<number> {
  const user = await client.user.upsert({
    where: { email: data.email },
    update: {},
    create: {
      email: data.email,
      firstName: data.firstName,
      lastName: data.lastName,
      birthdate: data.birthdate ? new Date(`${data.birthdate}T00:00:00Z`) : null,
      passwordHash,
      termsAcceptedAt: new Date(),
    },
    select: { id: true },
  });
  return user.id;
}

/** The demo collège: one ADMIN correspondent, one MEMBER teacher and a few pupils (idempotent). */
export async function seedDemoSchool(client: PrismaClient): Promise<{ establishmentId: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const establishment = await client.establishment.upsert({
    where: { uai: DEMO_UAI },
    update: {},
    create: {
      name: "Collège Ada Lovelace",
      uai: DEMO_UAI,
      type: "SCO",
      kind: "COLLEGE",
      contactEmail: "ce.0759999z@example.org",
      isManagingStudents: true,
    },
    select: { id: true },
  });
  const adminId = await upsertUser(client, DEMO_ACCOUNTS.admin, passwordHash);
  const memberId = await upsertUser(client, DEMO_ACCOUNTS.member, passwordHash);
  for (const [userId, role] of [
    [adminId, "ADMIN"],
    [memberId, "MEMBER"],
  ] as const) {
    await client.membership.upsert({
      where: { establishmentId_userId: { establishmentId: establishment.id, userId } },
      update: {},
      create: { establishmentId: establishment.id, userId, role },
    });
  }
  for (const pupil of DEMO_ACCOUNTS.pupils) await upsertUser(client, pupil, passwordHash);
  // A second establishment, so that anyone can check that schools never see each other's data.
  const other = await client.establishment.upsert({
    where: { uai: OTHER_UAI },
    update: { kind: "LYCEE" },
    create: { name: "Lycée Grace Hopper", uai: OTHER_UAI, type: "SCO", kind: "LYCEE", contactEmail: "ce.0759998y@example.org", isManagingStudents: true },
    select: { id: true },
  });
  const otherAdminId = await upsertUser(client, DEMO_ACCOUNTS.otherAdmin, passwordHash);
  await client.membership.upsert({
    where: { establishmentId_userId: { establishmentId: other.id, userId: otherAdminId } },
    update: {},
    create: { establishmentId: other.id, userId: otherAdminId, role: "ADMIN" },
  });
  return { establishmentId: establishment.id };
}
