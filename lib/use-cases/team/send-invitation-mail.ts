import "server-only";
import { env } from "../../env";
import { sendMail } from "../../mail/send-mail";
import { activationMail, invitationMail } from "../../mail/templates";
import { orgaUrl } from "../../urls";

export function invitationLink(invitationId: number, code: string): string {
  return orgaUrl(`/orga/rejoindre?invitationId=${invitationId}&code=${code}`);
}

export async function sendInvitationMail(input: { to: string; establishmentName: string; invitationId: number; code: string; kind?: "invitation" | "activation" }) {
  const validityDays = env().INVITATION_VALIDITY_DAYS;
  const url = invitationLink(input.invitationId, input.code);
  const template = input.kind === "activation" ? activationMail : invitationMail;
  await sendMail(template({ to: input.to, establishmentName: input.establishmentName, url, validityDays }));
}
