import { randomUUID } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { env } from "../env";

/** A session lasts 12 hours from the sign-in, whatever happens in between (no sliding renewal). */
export const SESSION_MAX_AGE_SECONDS = 12 * 3600;

const DEV_SECRET = "dev-only-secret-not-for-production-0123456789";

/** The key of session tokens and device cookies (env() refuses to start production without NEXTAUTH_SECRET). */
export function sessionSecret(): string {
  return env().NEXTAUTH_SECRET ?? DEV_SECRET;
}

/** Cookies are `Secure` (and named `__Secure-…`, as next-auth names them) when the app is served over https. */
export function usesSecureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? env().APP_URL).startsWith("https://");
}

export function sessionCookieName(): string {
  return `${usesSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export function sessionCookieOptions(maxAge: number) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: usesSecureCookies(), maxAge };
}

/**
 * What a session token proves: who, which version of the account's sessions, since when, and which session it is.
 * The session id (`sid`) is chosen at sign-in and kept when next-auth renews the token (a new `jti` each time), so
 * that signing a session out also refuses every token derived from it.
 */
export type SessionClaims = { userId: number; sessionVersion: number; signedInAt: number; sessionId: string };

/** The claims a new session starts with (also used by next-auth's callback after a GAR sign-in). */
export function newSessionClaims(input: { userId: number; sessionVersion: number; now: Date }) {
  return { userId: input.userId, sv: input.sessionVersion, signedInAt: Math.floor(input.now.getTime() / 1000), sid: randomUUID() };
}

export async function mintSessionToken(input: { userId: number; sessionVersion: number; now: Date }): Promise<string> {
  return encode({
    token: { sub: String(input.userId), ...newSessionClaims(input) },
    secret: sessionSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** The claims of a well-formed, unexpired token signed with our key; null for anything else. */
export async function readSessionToken(raw: string | undefined, now: Date): Promise<SessionClaims | null> {
  if (!raw) return null;
  try {
    const payload = await decode({ token: raw, secret: sessionSecret() });
    if (!payload) return null;
    const { userId, sv, signedInAt, sid } = payload as Record<string, unknown>;
    if (typeof userId !== "number" || typeof sv !== "number" || typeof signedInAt !== "number" || typeof sid !== "string") return null;
    // next-auth renews a token's expiry when its session endpoint is called: the sign-in time bounds the session.
    if (now.getTime() / 1000 - signedInAt > SESSION_MAX_AGE_SECONDS) return null;
    return { userId, sessionVersion: sv, signedInAt, sessionId: sid };
  } catch {
    return null;
  }
}
