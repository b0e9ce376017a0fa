/**
 * The one way this app reads a raw Cookie header (the request gate, the answer gate's arrival prover, the answer's fast
 * path), and it is Next.js's way (`cookies()`, `request.cookies`: @edge-runtime/cookies' parser), so that all of them
 * and Next's copy of the app see the same session token. Two readers that disagree on a header carrying the session
 * cookie twice would sign an arrival proof with one token and check it against the other.
 * The rule: `;`-separated pairs (spaces after `;` ignored), values percent-decoded; a name seen twice keeps its **last**
 * value; a value that does not decode is skipped (an earlier value of that name stays); a name alone is "true".
 * tests/unit/cookie-header.test.ts checks it against Next's own parser, so a Next upgrade that changes it fails there.
 */
export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? "").split(/; */)) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    if (at === -1) {
      cookies.set(pair, "true");
      continue;
    }
    try {
      cookies.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // Not decodable: skipped, as Next.js does.
    }
  }
  return cookies;
}

/** One cookie's value from a raw Cookie header (parseCookieHeader's rule), or null when absent. */
export function cookieFromHeader(header: string | null | undefined, name: string): string | null {
  return parseCookieHeader(header).get(name) ?? null;
}
