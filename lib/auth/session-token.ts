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

/**
 * Tokens already read, by their exact text: the answer path reads the pupil's token on every answer (the gate, then
 * the page), and next-auth's decode derives its key (HKDF) and decrypts each time — about half a millisecond, a tenth
 * of the app's CPU per answer (bench/answer-load profile, 06/12). The same text always decrypts to the same claims, so
 * a hit only re-checks the times; any other text (tampered, another key) is decoded in full. Bounded: the oldest
 * entry goes first. Revocation does not depend on it: the session version is checked against the database.
 */
const DECODED_LIMIT = 20_000;
const decoded = new Map<string, { claims: SessionClaims; expiresAt: number }>();
let decodedWithSecret = "";
/** next-auth's decode accepts a token up to 15 s after its expiry (clock tolerance): a hit does the same. */
const EXPIRY_TOLERANCE_SECONDS = 15;

function withinLifetime(claims: SessionClaims, expiresAt: number, now: Date): boolean {
  const seconds = now.getTime() / 1000;
  // next-auth renews a token's expiry when its session endpoint is called: the sign-in time bounds the session.
  return seconds - claims.signedInAt <= SESSION_MAX_AGE_SECONDS && seconds <= expiresAt + EXPIRY_TOLERANCE_SECONDS;
}

/** The claims of a well-formed, unexpired token signed with our key; null for anything else. */
export async function readSessionToken(raw: string | undefined, now: Date): Promise<SessionClaims | null> {
  if (!raw) return null;
  const secret = sessionSecret();
  if (secret !== decodedWithSecret) {
    decoded.clear();
    decodedWithSecret = secret;
  }
  const known = decoded.get(raw);
  if (known) return withinLifetime(known.claims, known.expiresAt, now) ? known.claims : null;
  try {
    const payload = await decode({ token: raw, secret });
    if (!payload) return null;
    const { userId, sv, signedInAt, sid, exp } = payload as Record<string, unknown>;
    if (typeof userId !== "number" || typeof sv !== "number" || typeof signedInAt !== "number" || typeof sid !== "string") return null;
    const claims: SessionClaims = { userId, sessionVersion: sv, signedInAt, sessionId: sid };
    if (now.getTime() / 1000 - signedInAt > SESSION_MAX_AGE_SECONDS) return null;
    if (typeof exp === "number") {
      if (decoded.size >= DECODED_LIMIT) decoded.delete(decoded.keys().next().value!);
      decoded.set(raw, { claims, expiresAt: exp });
    }
    return claims;
  } catch {
    return null;
  }
}
