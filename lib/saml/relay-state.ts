import { safeRedirectPath } from "../domain/navigation/safe-redirect";

/** SAML bindings §3.4.3 / §3.5.3: a RelayState we send MUST NOT exceed 80 bytes. */
export const MAX_RELAY_STATE_BYTES = 80;
/** What we accept back: a GAR may send the resource's full address, never a novel. */
const MAX_RECEIVED_LENGTH = 2048;

/**
 * The page of ours a RelayState (or a `retour` parameter on the way to the GAR and back) designates, or null.
 * Resolved against APP_URL like a browser would (tabs and line breaks dropped, "\\" read as "/"): only the same
 * origin is followed, then the shared safe-redirect rule refuses what could still leave the site ("//host").
 * A plain function of its inputs (no env): the ACS, the login route and the pages give it APP_URL.
 */
export function relayStatePath(value: unknown, appUrl: string): string | null {
  if (typeof value !== "string" || !value.trim() || value.length > MAX_RECEIVED_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value.trim(), appUrl);
  } catch {
    return null;
  }
  if (url.origin !== new URL(appUrl).origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return safeRedirectPath(path, "", appUrl) || null;
}

/** The RelayState of an AuthnRequest we send: the validated path when it fits in 80 bytes, otherwise none. */
export function outgoingRelayState(value: unknown, appUrl: string): string {
  const path = relayStatePath(value, appUrl);
  return path && Buffer.byteLength(path, "utf8") <= MAX_RELAY_STATE_BYTES ? path : "";
}
