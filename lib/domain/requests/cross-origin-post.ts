/**
 * A POST to a page is a server action (with JavaScript or as a plain form). Next refuses one sent from another site
 * (its `Origin` names another host than the request's) by throwing, which answers 500 and logs a stack trace. The
 * proxy answers 403 in French instead, before Next reads anything. Same rule as Next's: a missing or "null" Origin is
 * left to Next (a browser sends one on every cross-site POST), the host compared is X-Forwarded-Host, else Host.
 * Route handlers (/api/…) are not concerned: the GAR posts to /api/saml/acs from its own site, on purpose.
 */
export const CROSS_ORIGIN_MESSAGE = "Requête refusée : ce formulaire doit être envoyé depuis une page de Pix Libre.";

export function isCrossOriginPagePost(request: { method: string; pathname: string; origin: string | null; host: string | null; forwardedHost: string | null }): boolean {
  if (request.method !== "POST" || request.pathname.startsWith("/api/")) return false;
  if (request.origin === null || request.origin === "null") return false;
  const host = request.forwardedHost ?? request.host;
  try {
    return new URL(request.origin).host !== host;
  } catch {
    // Not even an address: Next would fail on it too.
    return true;
  }
}

/**
 * Stricter than the rule above, for a response that echoes the posted form back in a page of ours (the page of an
 * answer refused past capacity, lib/pupil-flow/busy-page.ts): the Origin must be there and name this very host. A
 * missing or "null" Origin (a sandboxed frame of another site sends "null") is not proof enough to show a form that
 * the pupil could post from our origin with one click.
 */
export function isSameOriginPost(request: { origin: string | null; host: string | null; forwardedHost: string | null }): boolean {
  if (request.origin === null || request.origin === "null") return false;
  const host = request.forwardedHost ?? request.host;
  try {
    return host !== null && new URL(request.origin).host === host;
  } catch {
    return false;
  }
}
