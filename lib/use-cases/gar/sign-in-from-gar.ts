import "server-only";
import { hashToken, newSecretToken } from "../../auth/tokens";
import { createPendingSamlIdentity, findEstablishmentIdsByUais, findUserIdBySamlId, recordAssertionOnce } from "../../db/repositories/saml-repository";
import { logGarRefusal, type GarRefusal } from "../../saml/refusal-log";
import type { GarRefusalReason } from "../../saml/refusal-reasons";
import { validateGarResponse } from "../../saml/validate-gar-response";
import { mintSignInToken } from "./mint-sign-in-token";

/** Student reconciliation tokens last 1 h at Pix: time to find one's birthdate. */
export const PENDING_IDENTITY_MINUTES = 60;

export type GarArrival =
  | { kind: "SIGNED_IN"; signInToken: string }
  | { kind: "FIRST_ARRIVAL"; pendingToken: string }
  | { kind: "REFUSED"; reason: GarRefusalReason };

/** Every refusal leaves one server log line (reason, assertion id, UAI received, never a name). */
function refused(refusal: GarRefusal): GarArrival {
  logGarRefusal(refusal);
  return { kind: "REFUSED", reason: refusal.reason };
}

/**
 * A pupil arrives from the ENT médiacentre with a SAMLResponse. A valid, never-seen assertion either signs in the
 * account that already has this GAR id, or (first arrival) parks the GAR identity for an hour while the pupil
 * gives their birthdate to be found in the roster of their school (one of the UAIs sent that is registered here).
 */
export async function signInFromGar(input: { samlResponse: string; now?: Date }): Promise<GarArrival> {
  const now = input.now ?? new Date();
  const validation = await validateGarResponse(input.samlResponse, now);
  if (!validation.ok) return refused(validation.refusal);
  const { assertionId, acceptableUntil, identity } = validation.assertion;
  const seen = { assertionId, uais: identity.uais };
  if (!(await recordAssertionOnce(assertionId, acceptableUntil, now))) return refused({ reason: "rejouee", detail: "assertion déjà reçue", ...seen });

  const userId = await findUserIdBySamlId(identity.samlId);
  if (userId !== null) return { kind: "SIGNED_IN", signInToken: await mintSignInToken(userId, now) };

  // Only pupils of a school we know can be matched: say so now rather than after they type their birthdate.
  if (!(await findEstablishmentIdsByUais(identity.uais)).length) {
    return refused({ reason: "etablissement", detail: identity.uais.length ? "aucun UAI reçu n'est inscrit" : "aucun UAI reçu", ...seen });
  }
  const pendingToken = newSecretToken();
  await createPendingSamlIdentity({
    tokenHash: hashToken(pendingToken),
    samlId: identity.samlId,
    firstName: identity.firstName,
    lastName: identity.lastName,
    uais: identity.uais,
    expiresAt: new Date(now.getTime() + PENDING_IDENTITY_MINUTES * 60_000),
    now,
  });
  return { kind: "FIRST_ARRIVAL", pendingToken };
}
