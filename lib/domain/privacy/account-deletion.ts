/**
 * « Supprimer mon compte » (GDPR article 17), after Pix's anonymise-user: the account row stays so that what points
 * at it (participations, answers, knowledge elements) keeps the schools' statistics right, but nothing on it
 * identifies anyone any more; the schools' roster entries are detached from it. See docs/security.md, § 13.
 */
export const ANONYMISED_NAMES = { firstName: "Compte", lastName: "supprimé" } as const;

/** Typed by a pupil whose account has no password (GAR only) to confirm. */
export const CONFIRMATION_WORD = "SUPPRIMER";

export interface DeletableAccount {
  hasPassword: boolean;
  isOrgaMember: boolean;
  isPlatformAccount: boolean;
  isAnonymised: boolean;
}

export const ORGA_MEMBER_REFUSAL =
  "Ce compte est aussi celui d'un membre de Pix Orga : quittez d'abord vos espaces Pix Orga (page « Équipe ») ou demandez à leur administrateur de vous retirer, puis supprimez votre compte.";

/** Why this account cannot be deleted by its owner here, or null. */
export function deletionRefusal(account: DeletableAccount): string | null {
  if (account.isAnonymised || account.isPlatformAccount) return "Ce compte ne peut pas être supprimé.";
  if (account.isOrgaMember) return ORGA_MEMBER_REFUSAL;
  return null;
}
