import "server-only";
import { findLearnerLinkState, findLearnerOfUser } from "../../db/repositories/learner-repository";
import { linkLearnerToUser } from "../../db/repositories/learner-link-repository";
import type { TypedIdentity } from "../../domain/roster/match-learner";
import { DomainError } from "../../domain/shared/errors";
import { identifyLearner, learnerAlreadyLinkedError, restrictedCampaign } from "./learner-identity";
import { ACCOUNT_ALREADY_LINKED_MESSAGE, LEARNER_DISABLED_MESSAGE, NO_MATCH_MESSAGE, RECONCILIATION_REQUIRED_MESSAGE } from "./reconciliation-messages";

export type RosterLinkStatus = "LINKED" | "DISABLED" | "NONE";

/** Where the account stands with the establishment's roster: linked to an active pupil, to a disabled one, or to none. */
export async function rosterLinkStatus(establishmentId: number, userId: number): Promise<RosterLinkStatus> {
  const learner = await findLearnerOfUser(establishmentId, userId);
  if (!learner) return "NONE";
  return learner.isDisabled ? "DISABLED" : "LINKED";
}

/** For startParticipation: the pupil of the roster behind this account, or why the account cannot join yet. */
export async function requireRosterLearner(establishmentId: number, userId: number): Promise<number> {
  const learner = await findLearnerOfUser(establishmentId, userId);
  if (!learner) throw new DomainError("RECONCILIATION_REQUIRED", RECONCILIATION_REQUIRED_MESSAGE);
  if (learner.isDisabled) throw new DomainError("LEARNER_DISABLED", LEARNER_DISABLED_MESSAGE);
  return learner.id;
}

/** The pupil was linked (or disabled) by another request between the check and the write. */
export async function takenMeanwhile(learnerId: number): Promise<DomainError> {
  const state = await findLearnerLinkState(learnerId);
  return state?.userId != null ? learnerAlreadyLinkedError() : new DomainError("RECONCILIATION_NO_MATCH", NO_MATCH_MESSAGE);
}

/**
 * A signed-in pupil says who they are on a restricted campaign ("Prénom", "Nom", "Date de naissance"): their
 * account is linked to the single active pupil that matches, unless that pupil or this account is already taken.
 * This is the only way an account joins a school's roster: an import never links one (docs/adr/0009).
 */
export async function reconcileLearner(input: { userId: number; code: string; identity: TypedIdentity; address: string; now?: Date }): Promise<{ campaignCode: string }> {
  const campaign = await restrictedCampaign(input.code, { address: input.address, userId: input.userId });
  const learner = await identifyLearner({ establishmentId: campaign.establishmentId, identity: input.identity, address: input.address, userId: input.userId });
  if (learner.userId === input.userId) return { campaignCode: campaign.code };

  const own = await findLearnerOfUser(campaign.establishmentId, input.userId);
  if (own) throw new DomainError("ACCOUNT_ALREADY_LINKED", ACCOUNT_ALREADY_LINKED_MESSAGE);
  if (learner.userId !== null) throw learnerAlreadyLinkedError();

  const outcome = await linkLearnerToUser({
    learnerId: learner.id, establishmentId: campaign.establishmentId, userId: input.userId, clientAddress: input.address, now: input.now ?? new Date(),
  });
  if (outcome === "ACCOUNT_TAKEN") throw new DomainError("ACCOUNT_ALREADY_LINKED", ACCOUNT_ALREADY_LINKED_MESSAGE);
  if (outcome === "LEARNER_TAKEN") throw await takenMeanwhile(learner.id);
  return { campaignCode: campaign.code };
}
