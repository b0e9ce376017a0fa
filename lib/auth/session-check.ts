import { findSessionState } from "../db/repositories/session-repository";
import { readSessionToken, SESSION_MAX_AGE_SECONDS } from "./session-token";

export type Session = { userId: number; mustChangePassword: boolean; sessionId: string; endsAt: Date };

/**
 * The session a raw session cookie opens, or null: a token of ours, unexpired, less than 12 hours after its sign-in,
 * whose account still exists with the same session version, and that was not signed out (one query).
 */
export async function sessionFromToken(raw: string | undefined, now: Date): Promise<Session | null> {
  const claims = await readSessionToken(raw, now);
  if (!claims) return null;
  const state = await findSessionState(claims.userId, claims.sessionId);
  if (!state || state.isRevoked || state.sessionVersion !== claims.sessionVersion) return null;
  const endsAt = new Date((claims.signedInAt + SESSION_MAX_AGE_SECONDS) * 1000);
  return { userId: claims.userId, mustChangePassword: state.mustChangePassword, sessionId: claims.sessionId, endsAt };
}
