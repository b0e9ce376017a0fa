import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { hashPassword } from "../../auth/password-hashing";
import { findLearnerEstablishmentId, findManagedLearners, setOneTimeCredentials, type ManagedLearner } from "../../db/repositories/managed-account-repository";
import { auditEntry } from "../../domain/audit/audit-entry";
import { accountRefusal, type AccountAction } from "../../domain/roster/account-ownership";
import { credentialsSheetCsv, type CredentialsRow } from "../../domain/roster/credentials-sheet";
import { generateOneTimePassword } from "../../domain/roster/one-time-password";
import type { RandomInt } from "../../domain/shared/random-code";
import { DomainError, NotFoundError } from "../../domain/shared/errors";
import { cryptoRandomInt, freeUsername } from "./free-username";

export type { AccountAction } from "../../domain/roster/account-ownership";
export type Credentials = { login: string; password: string };

/** A selection printed at once stays reasonable: hashing a password costs ~50 ms of CPU and 19 MiB. */
export const MAX_SHEET_LEARNERS = 200;

const NOTHING_TO_DO: Record<AccountAction, string> = {
  ADD_USERNAME: "Aucun des élèves sélectionnés ne peut recevoir d'identifiant : ils n'ont pas de compte créé par l'établissement, ou en ont déjà un.",
  RESET_PASSWORD: "Aucun des élèves sélectionnés n'a de mot de passe que l'établissement peut réinitialiser : seuls les comptes à identifiant créés par l'établissement le peuvent.",
};

type Acting = { actorUserId: number; establishmentId: number; address: string; isBulk: boolean };

/**
 * Gives each pupil's account a one-time password (to change at the next login) and, for ADD_USERNAME, a username
 * `prenom.nom` + DDMM (4 random digits when taken). All accounts and their audit lines are written at once: all or none.
 */
async function giveCredentials(learners: readonly ManagedLearner[], action: AccountAction, acting: Acting, random: RandomInt): Promise<CredentialsRow[]> {
  const passwords = learners.map(() => generateOneTimePassword(random));
  // Hashes run in parallel on libuv's threads.
  const hashes = await Promise.all(passwords.map((password) => hashPassword(password)));
  const reserved = new Set<string>();
  const usernames: (string | null)[] = [];
  for (const learner of learners) {
    const username = action === "ADD_USERNAME" ? await freeUsername(learner, { random, reserved }) : null;
    if (username) reserved.add(username);
    usernames.push(username);
  }
  const audit = learners.map((learner) => auditEntry({
    action: action === "ADD_USERNAME" ? "ACCOUNT_USERNAME_ADDED" : "ACCOUNT_PASSWORD_RESET",
    actorUserId: acting.actorUserId, establishmentId: acting.establishmentId, targetUserId: learner.account!.userId,
    targetLearnerId: learner.learnerId, clientAddress: acting.address, details: { isBulk: acting.isBulk },
  }));
  const updates = learners.map((learner, i) => ({ userId: learner.account!.userId, username: usernames[i], passwordHash: hashes[i] }));
  const outcome = await setOneTimeCredentials(acting.establishmentId, updates, audit, new Date());
  if (outcome === "CONFLICT") {
    throw new DomainError("CREDENTIALS_CONFLICT", "Un compte a été modifié entre-temps, ou un identifiant vient d'être pris : rechargez la page et réessayez.");
  }
  // Managed accounts have no e-mail: the login is always a username (given now, or before).
  return learners.map((learner, i) => ({
    division: learner.division ?? "",
    lastName: learner.lastName,
    firstName: learner.firstName,
    username: (usernames[i] ?? learner.account!.username)!,
    password: passwords[i],
  }));
}

/** "Ajouter l'identifiant" / "Réinitialiser le mot de passe" on one pupil; the establishment comes from the pupil. */
export async function manageLearnerAccount(input: { actorUserId: number; learnerId: number; action: AccountAction; address: string; random?: RandomInt }): Promise<Credentials> {
  const establishmentId = await findLearnerEstablishmentId(input.learnerId);
  if (establishmentId === null) throw new NotFoundError();
  await authorizeInEstablishment(input.actorUserId, establishmentId, "learners:manage-accounts");
  const [learner] = await findManagedLearners(establishmentId, [input.learnerId]);
  if (!learner) throw new NotFoundError();
  const refusal = accountRefusal(learner, establishmentId, input.action);
  if (refusal) throw new DomainError("ACCOUNT_NOT_MANAGEABLE", refusal);
  const acting = { actorUserId: input.actorUserId, establishmentId, address: input.address, isBulk: false };
  const [row] = await giveCredentials([learner], input.action, acting, input.random ?? cryptoRandomInt);
  return { login: row.username, password: row.password };
}

export type CredentialsSheet = { csv: string; rows: CredentialsRow[]; skipped: { learnerId: number; reason: string }[] };

/**
 * Bulk version on a selection of the establishment's pupils: the sheet "Classe; Nom; Prénom; Identifiant; Mot de
 * passe" of every pupil done, the others skipped with their reason. Ids of other establishments are ignored.
 */
export async function generateCredentialsSheet(input: { actorUserId: number; establishmentId: number; learnerIds: number[]; action: AccountAction; address: string; random?: RandomInt }): Promise<CredentialsSheet> {
  await authorizeInEstablishment(input.actorUserId, input.establishmentId, "learners:manage-accounts");
  const ids = [...new Set(input.learnerIds)];
  if (ids.length === 0) throw new DomainError("EMPTY_SELECTION", "Sélectionnez au moins un élève.");
  if (ids.length > MAX_SHEET_LEARNERS) throw new DomainError("SELECTION_TOO_LARGE", `Sélectionnez ${MAX_SHEET_LEARNERS} élèves au plus à la fois.`);
  const learners = await findManagedLearners(input.establishmentId, ids);
  if (learners.length === 0) throw new NotFoundError();

  const skipped: CredentialsSheet["skipped"] = [];
  const eligible = learners.filter((learner) => {
    const refusal = accountRefusal(learner, input.establishmentId, input.action);
    if (refusal) skipped.push({ learnerId: learner.learnerId, reason: refusal });
    return refusal === null;
  });
  if (eligible.length === 0) throw new DomainError("NOTHING_TO_GENERATE", NOTHING_TO_DO[input.action]);
  const acting = { actorUserId: input.actorUserId, establishmentId: input.establishmentId, address: input.address, isBulk: true };
  const rows = await giveCredentials(eligible, input.action, acting, input.random ?? cryptoRandomInt);
  return { csv: credentialsSheetCsv(rows), rows, skipped };
}
