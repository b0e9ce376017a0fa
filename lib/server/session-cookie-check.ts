import type { IncomingMessage } from "node:http";
import { readSessionToken, sessionCookieName } from "../auth/session-token";
import { cookieFromHeader } from "../domain/requests/cookie-header";

/**
 * Whether a raw request carries a session token that decodes with our key and has not expired. The cookie is read as
 * Next.js reads it (lib/domain/requests/cookie-header.ts): a broken percent-encoding is no session, never a 500.
 */
export async function hasValidSessionCookie(request: IncomingMessage): Promise<boolean> {
  const token = cookieFromHeader(request.headers.cookie, sessionCookieName());
  return token ? (await readSessionToken(token, new Date())) !== null : false;
}

/**
 * The user of a raw request's session cookie, under the same check as hasValidSessionCookie (signature and expiry;
 * revocation is the database's part), or null. The answer gate's per-pupil share (lib/server/answer-gate.ts): a
 * pupil's token is decoded once per process and then found in readSessionToken's memory (under 1 µs); a forged one
 * costs one failed decode (about 0.15 ms), which the page's own check already spent on it.
 */
export async function sessionUserOf(request: Pick<IncomingMessage, "headers">): Promise<number | null> {
  const token = cookieFromHeader(request.headers.cookie, sessionCookieName());
  return token ? ((await readSessionToken(token, new Date()))?.userId ?? null) : null;
}
