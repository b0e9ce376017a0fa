import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { cryptoRandomInt, hashToken } from "../../auth/tokens";
import { activeMemberEmails, findEstablishmentForInvitations } from "../../db/repositories/team-repository";
import { createInvitation, findPendingInvitationsByEmails } from "../../db/repositories/invitation-repository";
import { generateInvitationCode, parseEmailList } from "../../domain/invitations/invitation";
import { DomainError } from "../../domain/shared/errors";
import { sendInvitationMail } from "./send-invitation-mail";

const MAX_EMAILS_PER_SENDING = 50;

/**
 * Invites one or several e-mails to the establishment. The whole list is checked first: a malformed
 * e-mail, an existing member or an invitation already pending refuses the list and changes nothing.
 */
export async function inviteMembers(input: { actorUserId: number; establishmentId: number; emailsText: string; role: "ADMIN" | "MEMBER"; now?: Date }): Promise<string[]> {
  await authorizeInEstablishment(input.actorUserId, input.establishmentId, "team:invite");
  const establishment = await findEstablishmentForInvitations(input.establishmentId);
  if (!establishment || establishment.archivedAt) throw new DomainError("ARCHIVED", "Cet établissement est archivé : il n'est plus possible d'inviter.");
  const { emails, invalid } = parseEmailList(input.emailsText);
  if (invalid.length) throw new DomainError("INVALID_EMAIL", `Adresse e-mail invalide : ${invalid.join(", ")}.`, "emails");
  if (emails.length === 0) throw new DomainError("EMPTY", "Saisissez au moins une adresse e-mail.", "emails");
  if (emails.length > MAX_EMAILS_PER_SENDING) throw new DomainError("TOO_MANY", `Invitez au plus ${MAX_EMAILS_PER_SENDING} personnes à la fois.`, "emails");
  const members = await activeMemberEmails(input.establishmentId, emails);
  if (members.length) throw new DomainError("ALREADY_MEMBER", `Déjà membre de l'établissement : ${members.join(", ")}.`, "emails");
  const pending = await findPendingInvitationsByEmails(input.establishmentId, emails);
  if (pending.length) {
    throw new DomainError("ALREADY_INVITED", `Une invitation est déjà en attente pour ${pending.map((p) => p.email).join(", ")} : utilisez « Renvoyer » dans la liste des invitations.`, "emails");
  }
  const now = input.now ?? new Date();
  for (const email of emails) {
    const code = generateInvitationCode(cryptoRandomInt);
    const { id } = await createInvitation({ establishmentId: input.establishmentId, email, role: input.role, codeHash: hashToken(code), now });
    await sendInvitationMail({ to: email, establishmentName: establishment.name, invitationId: id, code });
  }
  return emails;
}
