import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { findSessionVersion, revokeSession } from "../db/repositories/session-repository";
import { findLoginCandidate } from "../db/repositories/user-login-repository";
import { rememberDevice } from "./device-cookie";
import { sessionFromToken, type Session } from "./session-check";
import { mintSessionToken, sessionCookieName, sessionCookieOptions, SESSION_MAX_AGE_SECONDS } from "./session-token";

export type { Session } from "./session-check";

export const PASSWORD_CHANGE_PATH = "/changer-mot-de-passe";

/**
 * The session of this request, checked against the database (one query, memoised per request): the account still
 * exists, its session version is the token's (a password change or « Se déconnecter de tous les appareils » raises
 * it), and this token was not signed out. Includes accounts that must still replace a one-time password: only the
 * password-change page, its action and the layouts should read this; everything else uses getSessionUserId().
 */
export const getSession = cache(async (): Promise<Session | null> => sessionFromToken((await cookies()).get(sessionCookieName())?.value, new Date()));

/**
 * The signed-in user's id, or null. An account with a one-time password still to replace gets nothing else than
 * the page where it chooses its own: every page, action and route reading the user through here is redirected there.
 */
export async function getSessionUserId(): Promise<number | null> {
  const session = await getSession();
  if (session?.mustChangePassword) redirect(PASSWORD_CHANGE_PATH);
  return session?.userId ?? null;
}

/** Opens a session (in a server action or a route handler: they may set cookies). */
export async function startSession(user: { id: number; sessionVersion: number }): Promise<void> {
  const token = await mintSessionToken({ userId: user.id, sessionVersion: user.sessionVersion, now: new Date() });
  (await cookies()).set(sessionCookieName(), token, sessionCookieOptions(SESSION_MAX_AGE_SECONDS));
}

/** Signs this session out: the cookie goes, and the session is refused from now on (a copied token too). */
export async function endSession(): Promise<void> {
  const session = await getSession();
  if (session) await revokeSession(session.sessionId, session.endsAt, new Date());
  // Same attributes as when it was set: a `__Secure-` cookie is only replaced by a Secure one.
  (await cookies()).set(sessionCookieName(), "", sessionCookieOptions(0));
}

/** After a sign-up: the new account is signed in at once, on the server (no password sent twice, no JavaScript needed). */
export async function startSessionForNewAccount(login: { userId: number } | { login: string }): Promise<void> {
  const user = "userId" in login ? { id: login.userId, sessionVersion: await findSessionVersion(login.userId) } : await findLoginCandidate(login.login);
  if (!user || user.sessionVersion === null) return;
  await startSession({ id: user.id, sessionVersion: user.sessionVersion });
  await rememberDevice(user.id);
}
