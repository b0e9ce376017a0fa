import "server-only";
import { cryptoRandomInt, hashToken } from "../../auth/tokens";
import { establishmentIdByUai, insertEstablishment } from "../../db/repositories/establishment-repository";
import { createInvitation } from "../../db/repositories/invitation-repository";
import { generateInvitationCode } from "../../domain/invitations/invitation";
import { DomainError } from "../../domain/shared/errors";
import { invitationLink, sendInvitationMail } from "../team/send-invitation-mail";
import { createRentreeCampaigns } from "../campaigns/create-rentree-campaigns";

/** Platform operators: a new establishment and an ADMIN invitation for its first correspondent. */
export async function createEstablishment(input: {
  name: string;
  uai: string | null;
  type: "SCO" | "SUP" | "PRO";
  contactEmail: string;
  isManagingStudents: boolean;
  firstAdminEmail: string;
  now?: Date;
}): Promise<{ establishmentId: number; invitationLink: string }> {
  if (input.uai && (await establishmentIdByUai(input.uai)) !== null) {
    throw new DomainError("UAI_TAKEN", `Un établissement existe déjà avec l'UAI ${input.uai}.`);
  }
  const now = input.now ?? new Date();
  const establishment = await insertEstablishment({ name: input.name, uai: input.uai, type: input.type, contactEmail: input.contactEmail, isManagingStudents: input.isManagingStudents, createdAt: now });
  // Teachers can hand out the rentrée codes from day one.
  await createRentreeCampaigns(establishment.id, now);
  const code = generateInvitationCode(cryptoRandomInt);
  const { id } = await createInvitation({ establishmentId: establishment.id, email: input.firstAdminEmail, role: "ADMIN", codeHash: hashToken(code), now });
  await sendInvitationMail({ to: input.firstAdminEmail, establishmentName: establishment.name, invitationId: id, code });
  return { establishmentId: establishment.id, invitationLink: invitationLink(id, code) };
}
