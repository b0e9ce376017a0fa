import { db } from "../client";

export async function listMembers(establishmentId: number) {
  const rows = await db.membership.findMany({
    where: { establishmentId, disabledAt: null },
    orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }],
    select: {
      id: true,
      role: true,
      lastAccessedAt: true,
      user: { select: { id: true, firstName: true, lastName: true, email: true, lastLoggedAt: true } },
    },
  });
  return rows.map((m) => ({
    membershipId: m.id,
    userId: m.user.id,
    firstName: m.user.firstName,
    lastName: m.user.lastName,
    email: m.user.email,
    role: m.role,
    lastAccessAt: m.lastAccessedAt ?? m.user.lastLoggedAt,
  }));
}

export async function findActiveMembership(membershipId: number) {
  return db.membership.findFirst({ where: { id: membershipId, disabledAt: null }, select: { id: true, establishmentId: true, userId: true, role: true } });
}

export async function findActiveMembershipOf(userId: number, establishmentId: number) {
  return db.membership.findFirst({ where: { userId, establishmentId, disabledAt: null }, select: { id: true, role: true } });
}

export async function activeMemberEmails(establishmentId: number, emails: string[]): Promise<string[]> {
  const rows = await db.membership.findMany({
    where: { establishmentId, disabledAt: null, user: { email: { in: emails } } },
    select: { user: { select: { email: true } } },
  });
  return rows.map((r) => r.user.email!).filter(Boolean);
}

/**
 * Changes a role or disables a membership, refusing (atomically, under a row lock of the establishment's
 * admins) to leave the establishment without any active ADMIN.
 */
export async function updateMembershipKeepingAnAdmin(
  membershipId: number,
  change: { role: "ADMIN" | "MEMBER" } | { disable: true },
  updatedByUserId: number,
  now: Date,
): Promise<"OK" | "LAST_ADMIN"> {
  return db.$transaction(async (tx) => {
    const target = await tx.membership.findUniqueOrThrow({ where: { id: membershipId }, select: { establishmentId: true, role: true } });
    const admins = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM memberships WHERE establishment_id = $1 AND role = 'ADMIN' AND disabled_at IS NULL FOR UPDATE`,
      target.establishmentId,
    );
    const losesAdmin = target.role === "ADMIN" && ("disable" in change || change.role !== "ADMIN");
    if (losesAdmin && admins.length <= 1) return "LAST_ADMIN";
    await tx.membership.update({
      where: { id: membershipId },
      data: "disable" in change ? { disabledAt: now, updatedByUserId } : { role: change.role, updatedByUserId },
    });
    return "OK";
  });
}

export async function findEstablishmentForInvitations(establishmentId: number) {
  return db.establishment.findUnique({ where: { id: establishmentId }, select: { id: true, name: true, archivedAt: true } });
}
