import "server-only";
import { z } from "zod";
import { consumeAttempt } from "../../db/rate-limiter";
import { findAccountLogins, findActiveLearnersBornOn, type RosterCandidate } from "../../db/repositories/learner-repository";
import type { CampaignForPupil } from "../../db/repositories/participation-repository";
import { findCampaignForRequester, type Requester } from "../participations/pupil-campaign";
import { toIsoDate } from "../../domain/roster/french-date";
import { maskLogin } from "../../domain/roster/mask-login";
import { matchLearner, type TypedIdentity } from "../../domain/roster/match-learner";
import { DomainError, NotFoundError } from "../../domain/shared/errors";
import { AMBIGUOUS_MESSAGE, NO_MATCH_MESSAGE, learnerAlreadyLinkedMessage } from "./reconciliation-messages";

/** "Prénom", "Nom", "Date de naissance" (Jour / Mois / Année) as typed by the pupil. */
export const identitySchema = z
  .object({
    firstName: z.string().trim().min(1, "Indiquez votre prénom.").max(100, "Prénom trop long (100 caractères au plus)."),
    lastName: z.string().trim().min(1, "Indiquez votre nom.").max(100, "Nom trop long (100 caractères au plus)."),
    birthDay: z.string().trim().max(2),
    birthMonth: z.string().trim().max(2),
    birthYear: z.string().trim().max(4),
  })
  .transform((value, ctx) => {
    const birthdate = toIsoDate(`${value.birthDay}/${value.birthMonth}/${value.birthYear}`);
    if (!birthdate) {
      ctx.addIssue({ code: "custom", path: ["birthdate"], message: "Indiquez une date de naissance valide (jour, mois et année, ex. 01 12 2011)." });
      return z.NEVER;
    }
    return { firstName: value.firstName, lastName: value.lastName, birthdate } satisfies TypedIdentity;
  });

/** The campaign behind /campagnes/[code]/rejoindre: it must exist, be open and restricted to the roster (codes looked up under limits). */
export async function restrictedCampaign(code: string, requester: Requester): Promise<CampaignForPupil> {
  const campaign = await findCampaignForRequester(code, requester);
  if (!campaign || !campaign.isRestricted || !campaign.isAccessible) throw new NotFoundError();
  return campaign;
}

/**
 * Typed identities are checked against a school's roster: limited per address (and per account when signed in),
 * so that nobody can try every birthdate to find a pupil.
 */
export async function limitIdentityAttempts(address: string, userId: number | null): Promise<void> {
  await consumeAttempt("campaignCode", `identity-ip:${address}`);
  if (userId !== null) await consumeAttempt("campaignCode", `identity-user:${userId}`);
}

/** The single active pupil matching the typed identity, or the French reason why there is none. */
export async function matchingLearner(establishmentId: number, identity: TypedIdentity): Promise<RosterCandidate> {
  const candidates = await findActiveLearnersBornOn(establishmentId, identity.birthdate);
  const result = matchLearner(identity, candidates);
  if (result.kind === "AMBIGUOUS") throw new DomainError("RECONCILIATION_AMBIGUOUS", AMBIGUOUS_MESSAGE);
  if (result.kind === "NO_MATCH") throw new DomainError("RECONCILIATION_NO_MATCH", NO_MATCH_MESSAGE);
  return candidates.find((candidate) => candidate.id === result.learnerId)!;
}

/** The pupil is already linked to someone else's account: say which one, partly hidden. */
export async function learnerAlreadyLinkedError(userId: number): Promise<DomainError> {
  const logins = await findAccountLogins(userId);
  const login = logins?.email ?? logins?.username ?? null;
  return new DomainError("LEARNER_ALREADY_LINKED", learnerAlreadyLinkedMessage(login ? maskLogin(login) : null));
}

/** The pupil was linked (or disabled) by someone else between the check and the write. */
export async function takenMeanwhile(establishmentId: number, identity: TypedIdentity): Promise<DomainError> {
  const current = await matchingLearner(establishmentId, identity);
  return current.userId !== null ? learnerAlreadyLinkedError(current.userId) : new DomainError("RECONCILIATION_NO_MATCH", NO_MATCH_MESSAGE);
}
