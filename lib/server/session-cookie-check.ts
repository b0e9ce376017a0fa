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
