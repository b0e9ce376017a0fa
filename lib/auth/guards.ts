import "server-only";
import { db } from "../db/client";
import { roleCan, type Permission, type Role } from "../domain/authorization/permissions";
import { ForbiddenError, NotFoundError } from "../domain/shared/errors";

/**
 * The single place that checks a user's right on an establishment. The establishment always comes from
 * the resource being read or changed, never from a form field. Outsiders get "not found".
 */
export async function authorizeInEstablishment(userId: number, establishmentId: number, permission: Permission): Promise<Role> {
  const membership = await db.membership.findFirst({
    where: { userId, establishmentId, disabledAt: null, establishment: { archivedAt: null } },
    select: { role: true },
  });
  if (!membership) throw new NotFoundError();
  if (!roleCan(membership.role, permission)) throw new ForbiddenError();
  return membership.role;
}
