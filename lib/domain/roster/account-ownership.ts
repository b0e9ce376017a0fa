/**
 * An account belongs to whoever created it (docs/adr/0009-account-ownership-and-audit.md). A school manages only the
 * accounts its roster created — a username chosen at sign-up on its restricted campaign, a GAR first arrival — and
 * only those may get a one-time password or a username from its teachers. A personal account (with an e-mail), an
 * account created by another school, a Pix Orga member's account: never.
 */
export interface PupilAccount {
  userId: number;
  hasEmail: boolean;
  username: string | null;
  hasGar: boolean;
  isOrgaMember: boolean;
  managedByEstablishmentId: number | null;
}

export type AccountAction = "ADD_USERNAME" | "RESET_PASSWORD";

/** Whether this establishment's teachers may act on the account. */
export function isManagedBy(account: PupilAccount, establishmentId: number): boolean {
  return account.managedByEstablishmentId === establishmentId && !account.hasEmail && !account.isOrgaMember;
}

/** How the pupil signs in, as a school's pupils tab shows it (never the e-mail itself). */
export type ConnectionMethods = {
  hasEmail: boolean;
  hasUsername: boolean;
  /** Only for an account the viewing school manages: its teachers hand it out. */
  username: string | null;
  /** The username belongs to an account another establishment manages. */
  managedElsewhere: boolean;
  hasGar: boolean;
};

/**
 * What a school may know of an account linked to its roster: a login only on accounts it manages, otherwise just
 * that there is one (the login of someone else's account would only help to target it: docs/security-accounts.md).
 */
export function connectionSeenBy(account: PupilAccount, establishmentId: number): ConnectionMethods {
  const shown = isManagedBy(account, establishmentId);
  return {
    hasEmail: account.hasEmail,
    hasUsername: account.username !== null,
    username: shown ? account.username : null,
    managedElsewhere: account.managedByEstablishmentId !== null && account.managedByEstablishmentId !== establishmentId,
    hasGar: account.hasGar,
  };
}

/** The account as the rows carry it: its login only where the school manages it (the rules above need no more). */
export function accountSeenBy(account: PupilAccount, establishmentId: number): PupilAccount {
  return isManagedBy(account, establishmentId) ? account : { ...account, username: null };
}

export const NO_ACCOUNT = "Cet élève n'a pas encore de compte Pix : il doit d'abord rejoindre un parcours de l'établissement.";
export const LEARNER_DISABLED = "Cet élève ne fait plus partie de la liste active de l'établissement : son compte ne peut plus être géré d'ici.";
export const ORGA_MEMBER = "Ce compte est aussi celui d'un membre de Pix Orga : il ne peut pas être géré depuis la liste des élèves.";
export const PERSONAL_ACCOUNT =
  "Cet élève se connecte avec son adresse e-mail : ce compte personnel ne peut pas être géré par l'établissement. En cas d'oubli, il utilise « Mot de passe oublié ? » sur la page de connexion.";
export const NOT_CREATED_HERE =
  "Ce compte n'a pas été créé par votre établissement (compte personnel, ou créé par un autre établissement) : vous ne pouvez pas le modifier.";
export const GAR_ONLY = "Ce compte se connecte uniquement par le Médiacentre (GAR) : ajoutez d'abord un identifiant.";

/** Why the teacher cannot act on this pupil's account, or null when they can. */
export function accountRefusal(learner: { isDisabled: boolean; account: PupilAccount | null }, establishmentId: number, action: AccountAction): string | null {
  const account = learner.account;
  if (!account) return NO_ACCOUNT;
  if (learner.isDisabled) return LEARNER_DISABLED;
  // A teacher must never take over a colleague's account through the pupils' list.
  if (account.isOrgaMember) return ORGA_MEMBER;
  if (account.hasEmail) return PERSONAL_ACCOUNT;
  if (!isManagedBy(account, establishmentId)) return NOT_CREATED_HERE;
  if (action === "ADD_USERNAME" && account.username) return `Ce compte a déjà un identifiant : ${account.username}.`;
  if (action === "RESET_PASSWORD" && !account.username) return GAR_ONLY;
  return null;
}

/** What the pupils tab offers for one row: the actions allowed, or the reason why there are none. */
export function accountActions(learner: { isDisabled: boolean; account: PupilAccount | null }, establishmentId: number): { canAddUsername: boolean; canReset: boolean; reason: string | null } {
  const canAddUsername = accountRefusal(learner, establishmentId, "ADD_USERNAME") === null;
  const canReset = accountRefusal(learner, establishmentId, "RESET_PASSWORD") === null;
  return { canAddUsername, canReset, reason: canAddUsername || canReset ? null : accountRefusal(learner, establishmentId, "RESET_PASSWORD") };
}
