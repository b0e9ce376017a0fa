import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { removeLearnerLink } from "../../db/repositories/learner-link-repository";
import { findLearnerEstablishmentId } from "../../db/repositories/managed-account-repository";
import { DomainError, NotFoundError } from "../../domain/shared/errors";

export const NOT_LINKED_MESSAGE = "Cet élève n'est rattaché à aucun compte Pix.";

/**
 * « Dissocier » (ADMIN or MEMBER of the pupil's establishment): the roster entry is no longer linked to the account
 * that claimed it; the pupil identifies again on the next restricted campaign. Participations stay on the entry
 * (a teacher deletes those that are not the pupil's). Audit-logged with the link it removed.
 */
export async function unlinkLearner(input: { actorUserId: number; learnerId: number; address: string; now?: Date }): Promise<void> {
  const establishmentId = await findLearnerEstablishmentId(input.learnerId);
  if (establishmentId === null) throw new NotFoundError();
  await authorizeInEstablishment(input.actorUserId, establishmentId, "learners:unlink");
  const outcome = await removeLearnerLink({ learnerId: input.learnerId, establishmentId, actorUserId: input.actorUserId, clientAddress: input.address, now: input.now ?? new Date() });
  if (outcome === "NOT_FOUND") throw new NotFoundError();
  if (outcome === "NOT_LINKED") throw new DomainError("NOT_LINKED", NOT_LINKED_MESSAGE);
}
