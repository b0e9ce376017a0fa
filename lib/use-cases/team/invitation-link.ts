import "server-only";
import { hashToken } from "../../auth/tokens";
import { env } from "../../env";
import { consumeAttempt } from "../../db/rate-limiter";
import { acceptInvitationForUser, unsafeFindInvitationByCode } from "../../db/repositories/invitation-repository";
import { invitationLinkState, roleOnAcceptance, type InvitationLinkState } from "../../domain/invitations/invitation";
import { DomainError } from "../../domain/shared/errors";
import { addressLimitKey } from "../../domain/requests/client-address";

export type InvitationView =
  | { state: "UNKNOWN" }
  | { state: InvitationLinkState; invitationId: number; establishmentName: string; email: string };

/**
 * What the link page shows. Every mail sent for the invitation carries a code that works until the invitation is
 * accepted or cancelled, or expires INVITATION_VALIDITY_DAYS after that mail. A wrong id or code counts as a failed
 * attempt for the address (rate-limited), and looks exactly like an unknown invitation.
 */
export async function viewInvitation(input: { invitationId: number; code: string; address: string; now?: Date }): Promise<InvitationView> {
  const invitation = Number.isSafeInteger(input.invitationId) ? await unsafeFindInvitationByCode(input.invitationId, hashToken(input.code)) : null;
  if (!invitation) {
    await consumeAttempt("invitationCode", addressLimitKey(input.address));
    return { state: "UNKNOWN" };
  }
  const state = invitation.establishmentArchived ? "CANCELLED" : invitationLinkState({ status: invitation.status, sentAt: invitation.codeSentAt }, input.now ?? new Date(), env().INVITATION_VALIDITY_DAYS);
  return { state, invitationId: invitation.id, establishmentName: invitation.establishmentName, email: invitation.email };
}

const STATE_MESSAGES: Record<Exclude<InvitationLinkState, "VALID"> | "UNKNOWN", string> = {
  UNKNOWN: "Ce lien d'invitation n'est pas valide. Vérifiez qu'il est complet ou demandez une nouvelle invitation.",
  CANCELLED: "Cette invitation n'est plus valide : elle a été annulée. Demandez une nouvelle invitation à votre correspondant Pix.",
  EXPIRED: "Cette invitation a expiré. Demandez à votre correspondant Pix de vous la renvoyer.",
  ACCEPTED: "Cette invitation a déjà été acceptée. Connectez-vous pour accéder à Pix Orga.",
};

export function invitationStateMessage(state: InvitationView["state"]): string {
  return state === "VALID" ? "" : STATE_MESSAGES[state];
}

/** Accepts the invitation for the signed-in user; the code is checked again. */
export async function acceptInvitation(input: { userId: number; invitationId: number; code: string; address: string; now?: Date }): Promise<{ establishmentId: number; alreadyMember: boolean }> {
  const view = await viewInvitation(input);
  if (view.state !== "VALID") throw new DomainError(`INVITATION_${view.state}`, invitationStateMessage(view.state));
  const result = await acceptInvitationForUser(view.invitationId, input.userId, input.now ?? new Date(), (hasMembers) => roleOnAcceptance(null, hasMembers));
  if (!result.accepted) throw new DomainError("INVITATION_ACCEPTED", STATE_MESSAGES.ACCEPTED);
  return { establishmentId: result.establishmentId, alreadyMember: result.alreadyMember };
}
