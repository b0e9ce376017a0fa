/** What an « Inviter » sending did, address by address. */
export type InvitationReport = {
  /** New invitations, one mail each. */
  invited: string[];
  /** Already invited: the pending invitation is sent again (its earlier links keep working). */
  sentAgain: string[];
  /** Already members of the establishment: nothing sent. */
  alreadyMembers: string[];
};

const list = (emails: string[]) => emails.join(", ");

/** What the « Inviter » form says once sent: who got a mail, who already had one, who is already a member. */
export function invitationReportMessage(report: InvitationReport): string {
  const parts: string[] = [];
  if (report.invited.length === 1) parts.push(`Invitation envoyée à ${report.invited[0]}.`);
  if (report.invited.length > 1) parts.push(`${report.invited.length} invitations envoyées (${list(report.invited)}).`);
  if (report.sentAgain.length) parts.push(`Invitation renvoyée à ${list(report.sentAgain)} (déjà invité${report.sentAgain.length > 1 ? "s" : ""}).`);
  if (report.alreadyMembers.length) parts.push(`Déjà membre${report.alreadyMembers.length > 1 ? "s" : ""} de l'établissement, rien n'a été envoyé à ${list(report.alreadyMembers)}.`);
  return parts.join(" ");
}
