import { db } from "../client";

export type InvitationRecord = {
  id: number;
  establishmentId: number;
  establishmentName: string;
  establishmentArchived: boolean;
  email: string;
  role: "ADMIN" | "MEMBER" | null;
  status: "PENDING" | "ACCEPTED" | "CANCELLED";
  sentAt: Date;
};

/** Links of an invitation kept alive at once: the last mails' (a teacher finds the newest anyway). */
export const LIVE_CODES_PER_INVITATION = 10;

const select = {
  id: true,
  email: true,
  role: true,
  status: true,
  sentAt: true,
  establishment: { select: { id: true, name: true, archivedAt: true } },
} as const;

function toRecord(row: {
  id: number; email: string; role: "ADMIN" | "MEMBER" | null; status: "PENDING" | "ACCEPTED" | "CANCELLED"; sentAt: Date;
  establishment: { id: number; name: string; archivedAt: Date | null };
}): InvitationRecord {
  return {
    id: row.id, email: row.email, role: row.role, status: row.status, sentAt: row.sentAt,
    establishmentId: row.establishment.id, establishmentName: row.establishment.name, establishmentArchived: row.establishment.archivedAt !== null,
  };
}

/**
 * Unscoped: the invitation whose mail carried this code (its digest), with the date of that mail, or null. The code is
 * the proof of access (callers rate-limit failures); a lookup by digest of a 99-bit random code leaks nothing by timing.
 */
export async function unsafeFindInvitationByCode(id: number, codeHash: string): Promise<(InvitationRecord & { codeSentAt: Date }) | null> {
  const code = await db.invitationCode.findUnique({ where: { codeHash }, select: { invitationId: true, sentAt: true, invitation: { select } } });
  if (!code || code.invitationId !== id) return null;
  return { ...toRecord(code.invitation), codeSentAt: code.sentAt };
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
    data: {
      establishmentId: data.establishmentId, email: data.email, role: data.role, createdAt: data.now, sentAt: data.now,
      codes: { create: { codeHash: data.codeHash, sentAt: data.now } },
    },
    select: { id: true },
  });
}

/**
 * One more code for a pending invitation (« Renvoyer », a new activation request) and its sending date; the links of
 * the earlier mails keep working (the oldest beyond LIVE_CODES_PER_INVITATION are dropped). False when no longer pending.
 */
export async function renewPendingInvitation(id: number, codeHash: string, now: Date, role?: "ADMIN" | "MEMBER" | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id, status: "PENDING" },
      data: { sentAt: now, ...(role !== undefined ? { role } : {}) },
    });
    if (count !== 1) return false;
    await tx.invitationCode.create({ data: { invitationId: id, codeHash, sentAt: now } });
    const kept = await tx.invitationCode.findMany({ where: { invitationId: id }, orderBy: [{ sentAt: "desc" }, { id: "desc" }], take: LIVE_CODES_PER_INVITATION, select: { id: true } });
    await tx.invitationCode.deleteMany({ where: { invitationId: id, id: { notIn: kept.map((code) => code.id) } } });
    return true;
  });
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
