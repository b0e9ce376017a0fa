import "server-only";
import { cryptoRandomInt, hashToken } from "../../auth/tokens";
import { db } from "../../db/client";
import { consumeAttempt } from "../../db/rate-limiter";
import { createInvitation, renewPendingInvitation } from "../../db/repositories/invitation-repository";
import { generateInvitationCode } from "../../domain/invitations/invitation";
import { DomainError } from "../../domain/shared/errors";
import { sendInvitationMail } from "./send-invitation-mail";

const UAI_PATTERN = /^\d{7}[A-Z]$/;

/**
 * "Activez ou récupérez votre espace Pix Orga": an ADMIN invitation goes to the establishment's contact
 * e-mail (never shown). A pending activation invitation is reused with a fresh code.
 */
export async function requestSelfActivation(input: { uai: string; address: string; now?: Date }): Promise<void> {
  const uai = input.uai.trim().toUpperCase();
  if (!UAI_PATTERN.test(uai)) {
    throw new DomainError("INVALID_UAI", "Le numéro UAI est composé de 7 chiffres suivis d'une lettre (ex. : 0751234A).", "uai");
  }
  await consumeAttempt("activation", input.address);
  const establishment = await db.establishment.findUnique({ where: { uai }, select: { id: true, name: true, type: true, contactEmail: true, archivedAt: true } });
  if (!establishment || establishment.type !== "SCO" || establishment.archivedAt) {
    throw new DomainError("UNKNOWN_UAI", "Aucun établissement scolaire ne correspond à ce numéro UAI. Vérifiez-le auprès de votre secrétariat.", "uai");
  }
  if (!establishment.contactEmail) {
    throw new DomainError("NO_CONTACT", "Aucune adresse de contact n'est enregistrée pour cet établissement : écrivez au support de votre académie.", "uai");
  }
  const email = establishment.contactEmail.toLowerCase();
  const now = input.now ?? new Date();
  const code = generateInvitationCode(cryptoRandomInt);
  const pending = await db.invitation.findFirst({ where: { establishmentId: establishment.id, email, status: "PENDING" }, select: { id: true } });
  let invitationId = pending?.id;
  if (!pending || !(await renewPendingInvitation(pending.id, hashToken(code), now, "ADMIN"))) {
    invitationId = (await createInvitation({ establishmentId: establishment.id, email, role: "ADMIN", codeHash: hashToken(code), now })).id;
  }
  await sendInvitationMail({ to: email, establishmentName: establishment.name, invitationId: invitationId!, code, kind: "activation" });
}
