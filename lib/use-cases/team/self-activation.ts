import "server-only";
import { cryptoRandomInt, hashToken } from "../../auth/tokens";
import { establishmentForActivation } from "../../db/repositories/establishment-repository";
import { consumeAttempt } from "../../db/rate-limiter";
import { createInvitation, findPendingInvitationId, renewPendingInvitation } from "../../db/repositories/invitation-repository";
import { generateInvitationCode } from "../../domain/invitations/invitation";
import { DomainError } from "../../domain/shared/errors";
import { sendInvitationMail } from "./send-invitation-mail";
import { addressLimitKey } from "../../domain/requests/client-address";

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
  await consumeAttempt("activation", addressLimitKey(input.address));
  const establishment = await establishmentForActivation(uai);
  if (!establishment || establishment.type !== "SCO" || establishment.archivedAt) {
    throw new DomainError("UNKNOWN_UAI", "Aucun établissement scolaire ne correspond à ce numéro UAI. Vérifiez-le auprès de votre secrétariat.", "uai");
  }
  if (!establishment.contactEmail) {
    throw new DomainError("NO_CONTACT", "Aucune adresse de contact n'est enregistrée pour cet établissement : écrivez au support de votre académie.", "uai");
  }
  const email = establishment.contactEmail.toLowerCase();
  const now = input.now ?? new Date();
  const code = generateInvitationCode(cryptoRandomInt);
  const pendingId = await findPendingInvitationId(establishment.id, email);
  let invitationId = pendingId;
  if (pendingId === null || !(await renewPendingInvitation(pendingId, hashToken(code), now, "ADMIN"))) {
    invitationId = (await createInvitation({ establishmentId: establishment.id, email, role: "ADMIN", codeHash: hashToken(code), now })).id;
  }
  await sendInvitationMail({ to: email, establishmentName: establishment.name, invitationId: invitationId!, code, kind: "activation" });
}
