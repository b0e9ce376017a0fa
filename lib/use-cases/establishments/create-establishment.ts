import "server-only";
import { cryptoRandomInt, hashToken } from "../../auth/tokens";
import { establishmentIdByUai, insertEstablishment } from "../../db/repositories/establishment-repository";
import { createInvitation } from "../../db/repositories/invitation-repository";
import { generateInvitationCode } from "../../domain/invitations/invitation";
import { guessEstablishmentKind, type EstablishmentKind } from "../../domain/establishments/establishment-kind";
import { DomainError } from "../../domain/shared/errors";
import { invitationLink, sendInvitationMail } from "../team/send-invitation-mail";
import { createRentreeCampaigns } from "../campaigns/create-rentree-campaigns";

/** Platform operators: a new establishment and an ADMIN invitation for its first correspondent. */
export async function createEstablishment(input: {
  name: string;
  uai: string | null;
  type: "SCO" | "SUP" | "PRO";
  /** Collège, lycée…: decides the parcours offered; guessed from the type and the name when not given. */
  kind?: EstablishmentKind;
  contactEmail: string;
  isManagingStudents: boolean;
  firstAdminEmail: string;
  now?: Date;
}): Promise<{ establishmentId: number; kind: EstablishmentKind; invitationLink: string }> {
  if (input.uai && (await establishmentIdByUai(input.uai)) !== null) {
    throw new DomainError("UAI_TAKEN", `Un établissement existe déjà avec l'UAI ${input.uai}.`);
  }
  const now = input.now ?? new Date();
  const kind = input.kind ?? guessEstablishmentKind(input);
  const establishment = await insertEstablishment({ name: input.name, uai: input.uai, type: input.type, kind, contactEmail: input.contactEmail, isManagingStudents: input.isManagingStudents, createdAt: now });
  // Teachers can hand out the rentrée codes from day one.
  await createRentreeCampaigns(establishment.id, now);
  const code = generateInvitationCode(cryptoRandomInt);
  const { id } = await createInvitation({ establishmentId: establishment.id, email: input.firstAdminEmail, role: "ADMIN", codeHash: hashToken(code), now });
  await sendInvitationMail({ to: input.firstAdminEmail, establishmentName: establishment.name, invitationId: id, code });
  return { establishmentId: establishment.id, kind, invitationLink: invitationLink(id, code) };
}
