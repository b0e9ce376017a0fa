import "server-only";
import { hashToken, newSecretToken } from "../../auth/tokens";
import { createPendingSamlIdentity, findEstablishmentIdByUai, findUserIdBySamlId, recordAssertionOnce } from "../../db/repositories/saml-repository";
import type { GarRefusalReason } from "../../saml/refusal-reasons";
import { validateGarResponse } from "../../saml/validate-gar-response";
import { mintSignInToken } from "./mint-sign-in-token";

/** Student reconciliation tokens last 1 h at Pix: time to find one's birthdate. */
export const PENDING_IDENTITY_MINUTES = 60;

export type GarArrival =
  | { kind: "SIGNED_IN"; signInToken: string }
  | { kind: "FIRST_ARRIVAL"; pendingToken: string }
  | { kind: "REFUSED"; reason: GarRefusalReason };

/**
 * A pupil arrives from the ENT médiacentre with a SAMLResponse. A valid, never-seen assertion either signs in the
 * account that already has this GAR id, or (first arrival) parks the GAR identity for an hour while the pupil
 * gives their birthdate to be found in their school's roster.
 */
export async function signInFromGar(input: { samlResponse: string; now?: Date }): Promise<GarArrival> {
  const now = input.now ?? new Date();
  const validation = await validateGarResponse(input.samlResponse, now);
  if (!validation.ok) return { kind: "REFUSED", reason: validation.reason };
  const { assertionId, acceptableUntil, identity } = validation.assertion;
  if (!(await recordAssertionOnce(assertionId, acceptableUntil, now))) return { kind: "REFUSED", reason: "rejouee" };

  const userId = await findUserIdBySamlId(identity.samlId);
  if (userId !== null) return { kind: "SIGNED_IN", signInToken: await mintSignInToken(userId, now) };

  // Only pupils of a school we know can be matched: say so now rather than after they type their birthdate.
  if (!identity.uai || (await findEstablishmentIdByUai(identity.uai)) === null) return { kind: "REFUSED", reason: "etablissement" };
  const pendingToken = newSecretToken();
  await createPendingSamlIdentity({
    tokenHash: hashToken(pendingToken),
    samlId: identity.samlId,
    firstName: identity.firstName,
    lastName: identity.lastName,
    uai: identity.uai,
    expiresAt: new Date(now.getTime() + PENDING_IDENTITY_MINUTES * 60_000),
    now,
  });
  return { kind: "FIRST_ARRIVAL", pendingToken };
}
