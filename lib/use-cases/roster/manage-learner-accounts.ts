import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { hashPassword } from "../../auth/password-hashing";
import { findLearnerEstablishmentId, findManagedLearners, setOneTimeCredentials, type ManagedLearner } from "../../db/repositories/learner-repository";
import { credentialsSheetCsv, type CredentialsRow } from "../../domain/roster/credentials-sheet";
import { generateOneTimePassword } from "../../domain/roster/one-time-password";
import type { RandomInt } from "../../domain/shared/random-code";
import { DomainError, NotFoundError } from "../../domain/shared/errors";
import { cryptoRandomInt, freeUsername } from "./free-username";

export type AccountAction = "ADD_USERNAME" | "RESET_PASSWORD";
export type Credentials = { login: string; password: string };

/** A selection printed at once stays reasonable: hashing a password costs ~50 ms of CPU and 19 MiB. */
export const MAX_SHEET_LEARNERS = 200;

const NOTHING_TO_DO: Record<AccountAction, string> = {
  ADD_USERNAME: "Aucun des élèves sélectionnés ne peut recevoir d'identifiant : ils n'ont pas encore de compte Pix, ou en ont déjà un.",
  RESET_PASSWORD: "Aucun des élèves sélectionnés n'a de mot de passe à réinitialiser : ils n'ont pas encore de compte Pix, ou se connectent uniquement par le Médiacentre.",
};

/** Why the teacher cannot act on this pupil's account, or null when they can. */
export function accountRefusal(learner: ManagedLearner, action: AccountAction): string | null {
  const account = learner.account;
  if (!account) return "Cet élève n'a pas encore de compte Pix : il doit d'abord rejoindre un parcours de l'établissement.";
  // A teacher must never take over a colleague's account through the pupils' list.
  if (account.isOrgaMember) return "Ce compte est aussi celui d'un membre de Pix Orga : il ne peut pas être géré depuis la liste des élèves.";
  if (action === "ADD_USERNAME" && account.username) return `Ce compte a déjà un identifiant : ${account.username}.`;
  if (action === "RESET_PASSWORD" && !account.username && !account.email) {
    return "Ce compte se connecte uniquement par le Médiacentre (GAR) : ajoutez d'abord un identifiant.";
  }
  return null;
}

/**
 * Gives each pupil's account a one-time password (to change at the next login) and, for ADD_USERNAME, a username
 * `prenom.nom` + DDMM (4 random digits when taken). All accounts are written in one statement: all or none.
 */
async function giveCredentials(learners: readonly ManagedLearner[], action: AccountAction, random: RandomInt): Promise<CredentialsRow[]> {
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
  const outcome = await setOneTimeCredentials(learners.map((learner, i) => ({ userId: learner.account!.userId, username: usernames[i], passwordHash: hashes[i] })), new Date());
  if (outcome === "CONFLICT") {
    throw new DomainError("CREDENTIALS_CONFLICT", "Un compte a été modifié entre-temps, ou un identifiant vient d'être pris : rechargez la page et réessayez.");
  }
  return learners.map((learner, i) => ({
    division: learner.division ?? "",
    lastName: learner.lastName,
    firstName: learner.firstName,
    username: usernames[i] ?? learner.account!.username ?? learner.account!.email!,
    password: passwords[i],
  }));
}

/** "Ajouter l'identifiant" / "Réinitialiser le mot de passe" on one pupil; the establishment comes from the pupil. */
export async function manageLearnerAccount(input: { actorUserId: number; learnerId: number; action: AccountAction; random?: RandomInt }): Promise<Credentials> {
  const establishmentId = await findLearnerEstablishmentId(input.learnerId);
  if (establishmentId === null) throw new NotFoundError();
  await authorizeInEstablishment(input.actorUserId, establishmentId, "learners:manage-accounts");
  const [learner] = await findManagedLearners(establishmentId, [input.learnerId]);
  if (!learner) throw new NotFoundError();
  const refusal = accountRefusal(learner, input.action);
  if (refusal) throw new DomainError("ACCOUNT_NOT_MANAGEABLE", refusal);
  const [row] = await giveCredentials([learner], input.action, input.random ?? cryptoRandomInt);
  return { login: row.username, password: row.password };
}

export type CredentialsSheet = { csv: string; rows: CredentialsRow[]; skipped: { learnerId: number; reason: string }[] };

/**
 * Bulk version on a selection of the establishment's pupils: the sheet "Classe; Nom; Prénom; Identifiant; Mot de
 * passe" of every pupil done, the others skipped with their reason. Ids of other establishments are ignored.
 */
export async function generateCredentialsSheet(input: { actorUserId: number; establishmentId: number; learnerIds: number[]; action: AccountAction; random?: RandomInt }): Promise<CredentialsSheet> {
  await authorizeInEstablishment(input.actorUserId, input.establishmentId, "learners:manage-accounts");
  const ids = [...new Set(input.learnerIds)];
  if (ids.length === 0) throw new DomainError("EMPTY_SELECTION", "Sélectionnez au moins un élève.");
  if (ids.length > MAX_SHEET_LEARNERS) throw new DomainError("SELECTION_TOO_LARGE", `Sélectionnez ${MAX_SHEET_LEARNERS} élèves au plus à la fois.`);
  const learners = await findManagedLearners(input.establishmentId, ids);
  if (learners.length === 0) throw new NotFoundError();

  const skipped: CredentialsSheet["skipped"] = [];
  const eligible = learners.filter((learner) => {
    const refusal = accountRefusal(learner, input.action);
    if (refusal) skipped.push({ learnerId: learner.learnerId, reason: refusal });
    return refusal === null;
  });
  if (eligible.length === 0) throw new DomainError("NOTHING_TO_GENERATE", NOTHING_TO_DO[input.action]);
  const rows = await giveCredentials(eligible, input.action, input.random ?? cryptoRandomInt);
  return { csv: credentialsSheetCsv(rows), rows, skipped };
}
