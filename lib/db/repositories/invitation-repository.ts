import { db } from "../client";

export type InvitationRecord = {
  id: number;
  establishmentId: number;
  establishmentName: string;
  establishmentArchived: boolean;
  email: string;
  role: "ADMIN" | "MEMBER" | null;
  status: "PENDING" | "ACCEPTED" | "CANCELLED";
  codeHash: string;
  sentAt: Date;
};

const select = {
  id: true,
  email: true,
  role: true,
  status: true,
  codeHash: true,
  sentAt: true,
  establishment: { select: { id: true, name: true, archivedAt: true } },
} as const;

function toRecord(row: {
  id: number; email: string; role: "ADMIN" | "MEMBER" | null; status: "PENDING" | "ACCEPTED" | "CANCELLED"; codeHash: string; sentAt: Date;
  establishment: { id: number; name: string; archivedAt: Date | null };
}): InvitationRecord {
  return {
    id: row.id, email: row.email, role: row.role, status: row.status, codeHash: row.codeHash, sentAt: row.sentAt,
    establishmentId: row.establishment.id, establishmentName: row.establishment.name, establishmentArchived: row.establishment.archivedAt !== null,
  };
}

/** Unscoped: callers check the code (link page) or the caller's role on the invitation's establishment. */
export async function unsafeFindInvitation(id: number): Promise<InvitationRecord | null> {
  const row = await db.invitation.findUnique({ where: { id }, select });
  return row ? toRecord(row) : null;
}

export async function findPendingInvitationsByEmails(establishmentId: number, emails: string[]) {
  return db.invitation.findMany({ where: { establishmentId, status: "PENDING", email: { in: emails } }, select: { id: true, email: true } });
}

/** The pending invitation of this address in the establishment, if any. */
export async function findPendingInvitationId(establishmentId: number, email: string): Promise<number | null> {
  return (await db.invitation.findFirst({ where: { establishmentId, email, status: "PENDING" }, select: { id: true } }))?.id ?? null;
}

export async function createInvitation(data: { establishmentId: number; email: string; role: "ADMIN" | "MEMBER" | null; codeHash: string; now: Date }) {
  return db.invitation.create({
    data: { establishmentId: data.establishmentId, email: data.email, role: data.role, codeHash: data.codeHash, createdAt: data.now, sentAt: data.now },
    select: { id: true },
  });
}

/** A new code and sending date for a pending invitation; false when it is no longer pending. */
export async function renewPendingInvitation(id: number, codeHash: string, now: Date, role?: "ADMIN" | "MEMBER" | null): Promise<boolean> {
  const { count } = await db.invitation.updateMany({
    where: { id, status: "PENDING" },
    data: { codeHash, sentAt: now, ...(role !== undefined ? { role } : {}) },
  });
  return count === 1;
}

export async function cancelPendingInvitation(id: number, now: Date): Promise<boolean> {
  const { count } = await db.invitation.updateMany({ where: { id, status: "PENDING" }, data: { status: "CANCELLED", cancelledAt: now } });
  return count === 1;
}

export async function listPendingInvitations(establishmentId: number) {
  return db.invitation.findMany({
    where: { establishmentId, status: "PENDING" },
    orderBy: { sentAt: "desc" },
    select: { id: true, email: true, role: true, sentAt: true },
  });
}

/**
 * Accepts a pending invitation for a user, atomically: a double click or two tabs accept it once.
 * Returns false when it was no longer pending.
 */
export async function acceptInvitationForUser(invitationId: number, userId: number, now: Date, roleIfNew: (hasActiveMembers: boolean) => "ADMIN" | "MEMBER"): Promise<{ accepted: boolean; alreadyMember: boolean; establishmentId: number }> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { establishmentId: true, role: true } });
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, status: "PENDING" },
      data: { status: "ACCEPTED", acceptedAt: now, acceptedByUserId: userId },
    });
    if (count !== 1) return { accepted: false, alreadyMember: false, establishmentId: invitation.establishmentId };
    const existing = await tx.membership.findUnique({
      where: { establishmentId_userId: { establishmentId: invitation.establishmentId, userId } },
      select: { id: true, disabledAt: true },
    });
    const alreadyMember = Boolean(existing && !existing.disabledAt);
    if (!alreadyMember) {
      const activeMembers = await tx.membership.count({ where: { establishmentId: invitation.establishmentId, disabledAt: null } });
      const role = invitation.role ?? roleIfNew(activeMembers > 0);
      await tx.membership.upsert({
        where: { establishmentId_userId: { establishmentId: invitation.establishmentId, userId } },
        update: { disabledAt: null, role },
        create: { establishmentId: invitation.establishmentId, userId, role },
      });
    } else if (invitation.role && existing) {
      await tx.membership.update({ where: { id: existing.id }, data: { role: invitation.role } });
    }
    await tx.user.update({ where: { id: userId }, data: { currentEstablishmentId: invitation.establishmentId } });
    return { accepted: true, alreadyMember, establishmentId: invitation.establishmentId };
  });
}
