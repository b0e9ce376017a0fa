import "server-only";
import { hashPassword, verifyPassword } from "../../auth/password-hashing";
import { hashToken, newSecretToken } from "../../auth/tokens";
import { consumeAttempt, countFailure, spentLimits } from "../../db/rate-limiter";
import { minutesToWait, plural } from "../../domain/limits/limits";
import {
  consumeResetTokenAndSetPassword,
  createPasswordResetToken,
  findPasswordHash,
  findUserIdByEmail,
  findValidResetToken,
  setPassword,
} from "../../db/repositories/account-repository";
import { passwordProblem } from "../../auth/password-strength";
import { DomainError } from "../../domain/shared/errors";
import { sendMail } from "../../mail/send-mail";
import { passwordResetMail } from "../../mail/templates";
import { appUrl } from "../../urls";
import { addressLimitKey } from "../../domain/requests/client-address";

const RESET_VALIDITY_MS = 60 * 60 * 1000;

/** Always answers the same way, whether the account exists or not. */
export async function requestPasswordReset(input: { email: string; address: string; now?: Date }): Promise<void> {
  await consumeAttempt("resetRequest", addressLimitKey(input.address));
  const userId = await findUserIdByEmail(input.email.trim());
  if (userId === null) return;
  const token = newSecretToken();
  const now = input.now ?? new Date();
  await createPasswordResetToken(userId, hashToken(token), new Date(now.getTime() + RESET_VALIDITY_MS));
  await sendMail(passwordResetMail({ to: input.email.trim().toLowerCase(), url: appUrl(`/nouveau-mot-de-passe?token=${token}`) }));
}

const INVALID_LINK = "Ce lien de réinitialisation n'est plus valide (il sert une seule fois, pendant 1 heure). Faites une nouvelle demande.";

export async function isResetTokenValid(input: { token: string; address: string; now?: Date }): Promise<boolean> {
  const found = await findValidResetToken(hashToken(input.token), input.now ?? new Date());
  if (!found) await consumeAttempt("resetToken", addressLimitKey(input.address));
  return Boolean(found);
}

export async function resetPassword(input: { token: string; password: string; address: string; now?: Date }): Promise<void> {
  const problem = passwordProblem(input.password);
  if (problem) throw new DomainError("WEAK_PASSWORD", problem, "password");
  const now = input.now ?? new Date();
  const found = await findValidResetToken(hashToken(input.token), now);
  if (!found) {
    await consumeAttempt("resetToken", addressLimitKey(input.address));
    throw new DomainError("INVALID_TOKEN", INVALID_LINK);
  }
  if (!(await consumeResetTokenAndSetPassword(found.id, found.userId, await hashPassword(input.password), now))) {
    throw new DomainError("INVALID_TOKEN", INVALID_LINK);
  }
}

/** « Mon compte »: always with the current password. Returns the new session version (every other session ends). */
export async function changePassword(input: { userId: number; currentPassword: string; newPassword: string }): Promise<number> {
  // Wrong current passwords share the per-account budget of « Supprimer mon compte »: whoever holds a session left
  // open must not guess the password and then take the account over (new password, owner signed out everywhere).
  const key = String(input.userId);
  const [spent] = await spentLimits([{ name: "currentPassword", key }]);
  if (spent) {
    const wait = plural(minutesToWait(spent.seconds), "minute");
    throw new DomainError("RATE_LIMITED", `Trop de mots de passe actuels incorrects : réessayez dans ${wait}.`, "currentPassword");
  }
  const currentHash = await findPasswordHash(input.userId);
  if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) {
    await countFailure("currentPassword", key);
    throw new DomainError("WRONG_PASSWORD", "Le mot de passe actuel est incorrect.", "currentPassword");
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new DomainError("WEAK_PASSWORD", problem, "newPassword");
  return setPassword(input.userId, await hashPassword(input.newPassword));
}
