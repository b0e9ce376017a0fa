import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getSessionUserId } from "./session";
import { loadOrgaContext, type OrgaContext, type OrgaMembership } from "../db/queries/orga-context";
import { roleCan, type Permission } from "../domain/authorization/permissions";

/** The teacher-space context of the signed-in user (memoised per request). */
export const getOrgaContext = cache(async (): Promise<OrgaContext | null> => {
  const userId = await getSessionUserId();
  return userId === null ? null : loadOrgaContext(userId);
});

export type OrgaActor = { userId: number; establishmentId: number; role: OrgaMembership["role"]; membership: OrgaMembership };

/** For teacher pages: signed in with a current establishment, else back to /orga (login or no-access page). */
export async function requireOrgaActor(): Promise<OrgaActor> {
  const context = await getOrgaContext();
  if (!context?.current) redirect("/orga");
  return { userId: context.userId, establishmentId: context.current.establishmentId, role: context.current.role, membership: context.current };
}

/** Same, and the permission is checked; a missing permission looks like a missing page. */
export async function requireOrgaPermission(permission: Permission): Promise<OrgaActor> {
  const actor = await requireOrgaActor();
  if (!roleCan(actor.role, permission)) notFound();
  return actor;
}
