import { db } from "../client";

/** Sets the current establishment only if the user is an active member of it; returns whether it did. */
export async function setCurrentEstablishment(userId: number, establishmentId: number): Promise<boolean> {
  const membership = await db.membership.findFirst({
    where: { userId, establishmentId, disabledAt: null, establishment: { archivedAt: null } },
    select: { id: true },
  });
  if (!membership) return false;
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { currentEstablishmentId: establishmentId } }),
    db.membership.update({ where: { id: membership.id }, data: { lastAccessedAt: new Date() } }),
  ]);
  return true;
}
