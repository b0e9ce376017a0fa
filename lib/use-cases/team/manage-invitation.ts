import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { cryptoRandomInt, hashToken } from "../../auth/tokens";
import { cancelPendingInvitation, renewPendingInvitation, unsafeFindInvitation } from "../../db/repositories/invitation-repository";
import { generateInvitationCode } from "../../domain/invitations/invitation";
import { DomainError, NotFoundError } from "../../domain/shared/errors";
import { sendInvitationMail } from "./send-invitation-mail";

async function loadManageable(actorUserId: number, invitationId: number) {
  const invitation = await unsafeFindInvitation(invitationId);
  if (!invitation) throw new NotFoundError();
  await authorizeInEstablishment(actorUserId, invitation.establishmentId, "team:invite");
  if (invitation.status !== "PENDING") throw new DomainError("NOT_PENDING", "Cette invitation n'est plus en attente.");
  return invitation;
}

/** Sends the pending invitation again with a new link (the earlier mails' links keep working) and a new date. */
export async function resendInvitation(input: { actorUserId: number; invitationId: number; now?: Date }): Promise<void> {
  const invitation = await loadManageable(input.actorUserId, input.invitationId);
  const code = generateInvitationCode(cryptoRandomInt);
  if (!(await renewPendingInvitation(invitation.id, hashToken(code), input.now ?? new Date()))) {
    throw new DomainError("NOT_PENDING", "Cette invitation n'est plus en attente.");
  }
  await sendInvitationMail({ to: invitation.email, establishmentName: invitation.establishmentName, invitationId: invitation.id, code });
}

export async function cancelInvitation(input: { actorUserId: number; invitationId: number; now?: Date }): Promise<void> {
  const invitation = await loadManageable(input.actorUserId, input.invitationId);
  if (!(await cancelPendingInvitation(invitation.id, input.now ?? new Date()))) {
    throw new DomainError("NOT_PENDING", "Cette invitation n'est plus en attente.");
  }
}
