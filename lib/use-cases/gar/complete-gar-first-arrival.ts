import "server-only";
import { z } from "zod";
import { hashToken } from "../../auth/tokens";
import { consumeAttempt } from "../../db/rate-limiter";
import { findActiveLearnersBornOn } from "../../db/repositories/learner-repository";
import { createGarAccountForLearner, deletePendingSamlIdentity, findEstablishmentIdsByUais, findPendingSamlIdentity, findUserIdBySamlId } from "../../db/repositories/saml-repository";
import { toIsoDate } from "../../domain/roster/french-date";
import { matchLearner } from "../../domain/roster/match-learner";
import { DomainError } from "../../domain/shared/errors";
import { learnerAlreadyLinkedError } from "../roster/learner-identity";
import { GAR_AMBIGUOUS_MESSAGE, PENDING_EXPIRED_MESSAGE, UNKNOWN_ESTABLISHMENT_MESSAGE, garNoMatchMessage } from "./gar-messages";
import { mintSignInToken } from "./mint-sign-in-token";

/** "Date de naissance" typed as Jour / Mois / Année. */
export const garBirthdateSchema = z
  .object({ birthDay: z.string().trim().max(2), birthMonth: z.string().trim().max(2), birthYear: z.string().trim().max(4) })
  .transform((value, ctx) => {
    const birthdate = toIsoDate(`${value.birthDay}/${value.birthMonth}/${value.birthYear}`);
    if (!birthdate) {
      ctx.addIssue({ code: "custom", path: ["birthdate"], message: "Indiquez une date de naissance valide (jour, mois et année, ex. 01 12 2011)." });
      return z.NEVER;
    }
    return birthdate;
  });

const expired = () => new DomainError("GAR_PENDING_EXPIRED", PENDING_EXPIRED_MESSAGE);

/**
 * First arrival from the GAR: the pupil gives their birthdate; the names sent by the GAR must then designate a
 * single active learner of their registered school(s) (UAI) born that day and not yet linked to an account. That learner gets
 * a new account (GAR id, roster names, no password, managed by the learner's school) and the pupil a single-use sign-in token.
 * Attempts are limited per GAR identity: a whole class often shares one address.
 */
export async function completeGarFirstArrival(input: { token: string; birthdate: string; address?: string; now?: Date }): Promise<{ signInToken: string }> {
  const now = input.now ?? new Date();
  const tokenHash = hashToken(input.token);
  const pending = await findPendingSamlIdentity(tokenHash, now);
  if (!pending) throw expired();
  await consumeAttempt("campaignCode", `gar-identity:${pending.samlId}`);

  // Already created from another tab: sign that account in.
  const existing = await findUserIdBySamlId(pending.samlId);
  if (existing !== null) {
    await deletePendingSamlIdentity(tokenHash);
    return { signInToken: await mintSignInToken(existing, now) };
  }

  // Every registered school among the GAR's UAIs (a cité scolaire may send two): the pupil is in one roster.
  const establishmentIds = await findEstablishmentIdsByUais(pending.uais);
  if (!establishmentIds.length) throw new DomainError("GAR_UNKNOWN_ESTABLISHMENT", UNKNOWN_ESTABLISHMENT_MESSAGE);
  const bornThatDay = (await Promise.all(establishmentIds.map((id) => findActiveLearnersBornOn(id, input.birthdate)))).flat();
  const identity = { firstName: pending.firstName, lastName: pending.lastName, birthdate: input.birthdate };
  const result = matchLearner(identity, bornThatDay.filter((learner) => learner.userId === null));

  if (result.kind === "AMBIGUOUS") throw new DomainError("GAR_AMBIGUOUS", GAR_AMBIGUOUS_MESSAGE);
  if (result.kind === "NO_MATCH") {
    // Said plainly when the pupil exists but already has an account (e.g. created with an e-mail).
    const linked = matchLearner(identity, bornThatDay.filter((learner) => learner.userId !== null));
    if (linked.kind === "MATCH") throw learnerAlreadyLinkedError();
    throw new DomainError("GAR_NO_MATCH", garNoMatchMessage(pending.firstName, pending.lastName, input.birthdate), "birthdate");
  }

  // The account is created through the learner's school roster: that school manages it (docs/adr/0009).
  const created = await createGarAccountForLearner({ pendingTokenHash: tokenHash, samlId: pending.samlId, learnerId: result.learnerId, establishmentIds, clientAddress: input.address ?? null, now });
  if (created === "PENDING_GONE") throw expired();
  if (created === "LEARNER_TAKEN") throw new DomainError("GAR_LEARNER_TAKEN", "Cet élève vient d'être rattaché à un compte. Demandez à votre enseignant de vous aider.");
  if (created === "SAML_ID_TAKEN") {
    // The same pupil finished in another tab a moment ago.
    const userId = await findUserIdBySamlId(pending.samlId);
    if (userId === null) throw expired();
    await deletePendingSamlIdentity(tokenHash);
    return { signInToken: await mintSignInToken(userId, now) };
  }
  return { signInToken: await mintSignInToken(created.userId, now) };
}
