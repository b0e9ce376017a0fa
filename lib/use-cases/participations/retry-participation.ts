import "server-only";
import { DomainError, NotFoundError } from "../../domain/shared/errors";
import { findLiveParticipation } from "../../db/repositories/participation-repository";
import { campaignAllowsRetry, hasSupersededParticipation, supersedeSharedParticipation } from "../../db/repositories/retry-repository";

/** Multiple sendings: after sharing, the pupil takes the parcours again; failures are asked again. */
export async function retryParticipation(input: { userId: number; campaignId: number; now?: Date }): Promise<void> {
  const participation = await findLiveParticipation(input.campaignId, input.userId);
  if (!participation) throw new NotFoundError();
  if (!(await campaignAllowsRetry(input.campaignId))) throw new DomainError("NO_RETRY", "Cette campagne ne permet pas de repasser le parcours.");
  // A second click after the retry started: nothing more to do.
  if (participation.status === "STARTED" && (await hasSupersededParticipation(input.campaignId, input.userId))) return;
  if (participation.status !== "SHARED") throw new DomainError("NOT_SHARED", "Envoyez d'abord vos résultats avant de repasser le parcours.");
  if (!(await supersedeSharedParticipation({ participationId: participation.id, userId: input.userId, now: input.now ?? new Date() }))) {
    // A second click: the new participation already exists.
    const live = await findLiveParticipation(input.campaignId, input.userId);
    if (live?.status !== "STARTED") throw new DomainError("NO_RETRY", "Impossible de repasser ce parcours pour l'instant.");
  }
}
