import type { IncomingMessage } from "node:http";
import { readSessionToken, sessionCookieName } from "../auth/session-token";

/** Whether a raw request carries a session token that decodes with our key and has not expired. */
export async function hasValidSessionCookie(request: IncomingMessage): Promise<boolean> {
  const name = sessionCookieName();
  const cookie = (request.headers.cookie ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`));
  if (!cookie) return false;
  let token: string;
  try {
    token = decodeURIComponent(cookie.slice(name.length + 1));
  } catch {
    return false; // a broken percent-encoding is no session (never a 500)
  }
  return (await readSessionToken(token, new Date())) !== null;
}
