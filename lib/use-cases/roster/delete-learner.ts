import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { deleteLearnerRow } from "../../db/repositories/learner-link-repository";
import { findLearnerEstablishmentId } from "../../db/repositories/managed-account-repository";
import { NotFoundError } from "../../domain/shared/errors";

/**
 * An ADMIN deletes a pupil from the establishment's roster (GDPR): the entry and its identity go; the participations
 * stay (statistics, and the account's own results) without the roster name; the account stays the pupil's own.
 * A pupil still in SIECLE comes back at the next import.
 */
export async function deleteLearner(input: { actorUserId: number; learnerId: number; address: string; now?: Date }): Promise<{ participationsUnlinked: number }> {
  const establishmentId = await findLearnerEstablishmentId(input.learnerId);
  if (establishmentId === null) throw new NotFoundError();
  await authorizeInEstablishment(input.actorUserId, establishmentId, "learners:delete");
  const deleted = await deleteLearnerRow({ learnerId: input.learnerId, establishmentId, actorUserId: input.actorUserId, clientAddress: input.address, now: input.now ?? new Date() });
  if (!deleted) throw new NotFoundError();
  return deleted;
}
