import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { cryptoRandomInt, hashToken } from "../../auth/tokens";
import { activeMemberEmails, findEstablishmentForInvitations } from "../../db/repositories/team-repository";
import { createInvitation, findPendingInvitationsByEmails, renewPendingInvitation } from "../../db/repositories/invitation-repository";
import { generateInvitationCode, parseEmailList } from "../../domain/invitations/invitation";
import type { InvitationReport } from "../../domain/invitations/invitation-report";
import { DomainError } from "../../domain/shared/errors";
import { sendInvitationMail } from "./send-invitation-mail";

const MAX_EMAILS_PER_SENDING = 50;

/**
 * Invites one or several e-mails to the establishment. A malformed address refuses the whole list (a typo to fix,
 * nothing changes); an address already a member is only reported, so that it never blocks the others; an address
 * already invited gets its invitation again, as « Renvoyer » does.
 */
export async function inviteMembers(input: { actorUserId: number; establishmentId: number; emailsText: string; role: "ADMIN" | "MEMBER"; now?: Date }): Promise<InvitationReport> {
  await authorizeInEstablishment(input.actorUserId, input.establishmentId, "team:invite");
  const establishment = await findEstablishmentForInvitations(input.establishmentId);
  if (!establishment || establishment.archivedAt) throw new DomainError("ARCHIVED", "Cet établissement est archivé : il n'est plus possible d'inviter.");
  const { emails, invalid } = parseEmailList(input.emailsText);
  if (invalid.length) throw new DomainError("INVALID_EMAIL", `Adresse e-mail invalide : ${invalid.join(", ")}.`, "emails");
  if (emails.length === 0) throw new DomainError("EMPTY", "Saisissez au moins une adresse e-mail.", "emails");
  if (emails.length > MAX_EMAILS_PER_SENDING) throw new DomainError("TOO_MANY", `Invitez au plus ${MAX_EMAILS_PER_SENDING} personnes à la fois.`, "emails");
  const alreadyMembers = await activeMemberEmails(input.establishmentId, emails);
  if (alreadyMembers.length === emails.length) throw new DomainError("ALREADY_MEMBER", `Déjà membre de l'établissement : ${alreadyMembers.join(", ")}.`, "emails");
  const pending = new Map((await findPendingInvitationsByEmails(input.establishmentId, emails)).map((p) => [p.email, p.id]));
  const now = input.now ?? new Date();
  const report: InvitationReport = { invited: [], sentAgain: [], alreadyMembers };
  for (const email of emails) {
    if (alreadyMembers.includes(email)) continue;
    const code = generateInvitationCode(cryptoRandomInt);
    const pendingId = pending.get(email);
    // The role chosen now applies to an invitation sent again, as to a new one.
    if (pendingId !== undefined && (await renewPendingInvitation(pendingId, hashToken(code), now, input.role))) {
      await sendInvitationMail({ to: email, establishmentName: establishment.name, invitationId: pendingId, code });
      report.sentAgain.push(email);
      continue;
    }
    const { id } = await createInvitation({ establishmentId: input.establishmentId, email, role: input.role, codeHash: hashToken(code), now });
    await sendInvitationMail({ to: email, establishmentName: establishment.name, invitationId: id, code });
    report.invited.push(email);
  }
  return report;
}
