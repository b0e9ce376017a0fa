import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { findActiveMembership, findActiveMembershipOf, updateMembershipKeepingAnAdmin } from "../../db/repositories/team-repository";
import { DomainError, NotFoundError } from "../../domain/shared/errors";

const LAST_ADMIN = "L'établissement doit garder au moins un administrateur : nommez-en un autre avant.";

export async function changeMemberRole(input: { actorUserId: number; membershipId: number; role: "ADMIN" | "MEMBER" }): Promise<void> {
  const membership = await findActiveMembership(input.membershipId);
  if (!membership) throw new NotFoundError();
  await authorizeInEstablishment(input.actorUserId, membership.establishmentId, "team:change-role");
  const result = await updateMembershipKeepingAnAdmin(membership.id, { role: input.role }, input.actorUserId, new Date());
  if (result === "LAST_ADMIN") throw new DomainError("LAST_ADMIN", LAST_ADMIN);
}

export async function removeMember(input: { actorUserId: number; membershipId: number }): Promise<void> {
  const membership = await findActiveMembership(input.membershipId);
  if (!membership) throw new NotFoundError();
  await authorizeInEstablishment(input.actorUserId, membership.establishmentId, "team:remove-member");
  const result = await updateMembershipKeepingAnAdmin(membership.id, { disable: true }, input.actorUserId, new Date());
  if (result === "LAST_ADMIN") throw new DomainError("LAST_ADMIN", LAST_ADMIN);
}

/** "Quitter cet espace Pix Orga": allowed unless the user is the last ADMIN. */
export async function leaveEstablishment(input: { actorUserId: number; establishmentId: number }): Promise<void> {
  const membership = await findActiveMembershipOf(input.actorUserId, input.establishmentId);
  if (!membership) throw new NotFoundError();
  const result = await updateMembershipKeepingAnAdmin(membership.id, { disable: true }, input.actorUserId, new Date());
  if (result === "LAST_ADMIN") throw new DomainError("LAST_ADMIN", "Vous êtes le dernier administrateur : nommez un autre administrateur avant de quitter cet espace.");
}
