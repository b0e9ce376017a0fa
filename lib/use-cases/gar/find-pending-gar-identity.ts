import "server-only";
import { hashToken } from "../../auth/tokens";
import { findPendingSamlIdentity } from "../../db/repositories/saml-repository";

/** The names the GAR sent, shown on the first-arrival page; null when the link expired or was used. */
export async function findPendingGarIdentity(token: string, now = new Date()): Promise<{ firstName: string; lastName: string } | null> {
  if (!token) return null;
  const pending = await findPendingSamlIdentity(hashToken(token), now);
  return pending && { firstName: pending.firstName, lastName: pending.lastName };
}
