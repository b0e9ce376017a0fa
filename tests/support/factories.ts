import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password-hashing";

let sequence = 0;
const next = () => ++sequence;

/** Creates a user with a known password (default "Pix12345"). */
export async function createUser(overrides: { email?: string | null; username?: string; firstName?: string; lastName?: string; password?: string } = {}) {
  const n = next();
  return db.user.create({
    data: {
      email: overrides.email === null ? null : (overrides.email ?? `user${n}@example.org`),
      username: overrides.username,
      firstName: overrides.firstName ?? `Prénom${n}`,
      lastName: overrides.lastName ?? `Nom${n}`,
      passwordHash: await hashPassword(overrides.password ?? "Pix12345"),
    },
  });
}

export async function createEstablishment(overrides: { name?: string; uai?: string; isManagingStudents?: boolean; contactEmail?: string } = {}) {
  const n = next();
  return db.establishment.create({
    data: {
      name: overrides.name ?? `Collège ${n}`,
      uai: overrides.uai ?? `07${String(n).padStart(5, "0")}A`,
      type: "SCO",
      contactEmail: overrides.contactEmail ?? `ce.${n}@example.org`,
      isManagingStudents: overrides.isManagingStudents ?? true,
    },
  });
}

export async function addMember(establishmentId: number, userId: number, role: "ADMIN" | "MEMBER" = "MEMBER") {
  return db.membership.create({ data: { establishmentId, userId, role } });
}
