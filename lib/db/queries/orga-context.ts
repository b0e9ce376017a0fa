import { db } from "../client";
import type { Role } from "../../domain/authorization/permissions";

export type OrgaMembership = { establishmentId: number; establishmentName: string; uai: string | null; role: Role; isManagingStudents: boolean; type: string };

export type OrgaContext = {
  userId: number;
  firstName: string;
  lastName: string;
  email: string | null;
  memberships: OrgaMembership[];
  current: OrgaMembership | null;
};

/** The user's active memberships and the establishment they are currently working in. */
export async function loadOrgaContext(userId: number): Promise<OrgaContext | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      currentEstablishmentId: true,
      memberships: {
        where: { disabledAt: null, establishment: { archivedAt: null } },
        select: {
          role: true,
          establishment: { select: { id: true, name: true, uai: true, isManagingStudents: true, type: true } },
        },
        orderBy: { establishment: { name: "asc" } },
      },
    },
  });
  if (!user) return null;
  const memberships = user.memberships.map((m) => ({
    establishmentId: m.establishment.id,
    establishmentName: m.establishment.name,
    uai: m.establishment.uai,
    role: m.role,
    isManagingStudents: m.establishment.isManagingStudents,
    type: m.establishment.type,
  }));
  const current = memberships.find((m) => m.establishmentId === user.currentEstablishmentId) ?? memberships[0] ?? null;
  return { userId: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email, memberships, current };
}

export async function findUserName(userId: number): Promise<{ firstName: string; lastName: string } | null> {
  return db.user.findUnique({ where: { id: userId }, select: { firstName: true, lastName: true } });
}

/**
 * The name a pupil is greeted with: the school's spelling (« Joël NOËL ») once their account is linked to an active
 * roster entry, rather than what they typed when signing up (« Joel Noel »); the account's names otherwise. With
 * several schools, the entry updated last (the latest import or link) wins.
 */
export async function findPupilDisplayName(userId: number): Promise<{ firstName: string; lastName: string } | null> {
  const [row] = await db.$queryRawUnsafe<{ first_name: string; last_name: string }[]>(
    `SELECT coalesce(l.first_name, u.first_name) AS first_name, coalesce(l.last_name, u.last_name) AS last_name
     FROM users u
     LEFT JOIN LATERAL (
       SELECT first_name, last_name FROM learners WHERE user_id = u.id AND NOT is_disabled ORDER BY updated_at DESC, id DESC LIMIT 1
     ) l ON true
     WHERE u.id = $1`,
    userId,
  );
  return row ? { firstName: row.first_name, lastName: row.last_name } : null;
}
