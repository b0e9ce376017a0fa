import "server-only";
import { authorizeInEstablishment } from "../../auth/guards";
import { clearIdentityBlock, findLearnerOfEstablishment } from "../../db/repositories/identity-block-repository";
import { findLearnerEstablishmentId } from "../../db/repositories/managed-account-repository";
import { auditEntry } from "../../domain/audit/audit-entry";
import { NotFoundError } from "../../domain/shared/errors";
import { identityBlockRows } from "./learner-identity";

/**
 * « Débloquer l'identification » (ADMIN or MEMBER of the pupil's establishment, like « Dissocier »): failed identity
 * checks aimed at a roster entry block it for everyone (a classmate typing wrong birthdates locks the pupil out,
 * docs/security.md § 6); a teacher who has the pupil in front of them clears them. Audit-logged.
 */
export async function unblockIdentity(input: { actorUserId: number; learnerId: number; address: string; now?: Date }): Promise<void> {
  const establishmentId = await findLearnerEstablishmentId(input.learnerId);
  if (establishmentId === null) throw new NotFoundError();
  await authorizeInEstablishment(input.actorUserId, establishmentId, "learners:unlink");
  const learner = await findLearnerOfEstablishment(establishmentId, input.learnerId);
  if (!learner) throw new NotFoundError();
  const audit = auditEntry({ action: "IDENTITY_UNBLOCKED", actorUserId: input.actorUserId, establishmentId, targetLearnerId: learner.id, clientAddress: input.address });
  await clearIdentityBlock(identityBlockRows(establishmentId, learner), audit, input.now ?? new Date());
}
