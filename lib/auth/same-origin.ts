import "server-only";

/**
 * A cookie-authenticated POST to a route handler must come from our own pages (server actions check this
 * themselves; route handlers do not). Browsers always send Origin on a cross-site POST; SameSite=Lax cookies are the
 * second lock.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return false;
  }
}
