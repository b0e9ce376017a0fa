import "server-only";
import { z } from "zod";
import { verifyPassword } from "../../auth/password-hashing";
import { consumeAttempt } from "../../db/rate-limiter";
import { anonymiseAccount, findDeletableAccount } from "../../db/repositories/account-privacy-repository";
import { auditEntry } from "../../domain/audit/audit-entry";
import { CONFIRMATION_WORD, deletionRefusal } from "../../domain/privacy/account-deletion";
import { DomainError, NotFoundError } from "../../domain/shared/errors";

export const deletionSchema = z.object({
  password: z.string().max(200).optional(),
  confirmation: z.string().trim().max(50).optional(),
});

/**
 * « Supprimer mon compte »: the signed-in pupil confirms with their password (or, for a GAR-only account without
 * one, by typing SUPPRIMER); the account is then anonymised (docs/security.md, § 13). Password checks are limited
 * per account: a session left open on a shared computer must not become a password oracle.
 */
export async function deleteMyAccount(input: { userId: number; password?: string; confirmation?: string; address: string; now?: Date }): Promise<void> {
  const account = await findDeletableAccount(input.userId);
  if (!account) throw new NotFoundError();
  const refusal = deletionRefusal(account);
  if (refusal) throw new DomainError("ACCOUNT_NOT_DELETABLE", refusal);
  if (account.passwordHash) {
    await consumeAttempt("currentPassword", String(input.userId));
    if (!input.password || !(await verifyPassword(account.passwordHash, input.password))) {
      throw new DomainError("WRONG_PASSWORD", "Mot de passe incorrect.", "password");
    }
  } else if ((input.confirmation ?? "").toUpperCase() !== CONFIRMATION_WORD) {
    throw new DomainError("NOT_CONFIRMED", `Tapez ${CONFIRMATION_WORD} pour confirmer.`, "confirmation");
  }
  const done = await anonymiseAccount(input.userId, (counts) => auditEntry({
    action: "ACCOUNT_DELETED", actorUserId: input.userId, establishmentId: null, targetUserId: input.userId, clientAddress: input.address, details: counts,
  }), input.now ?? new Date());
  if (!done) throw new DomainError("ACCOUNT_NOT_DELETABLE", "Ce compte a changé entre-temps : rechargez la page et réessayez.");
}
