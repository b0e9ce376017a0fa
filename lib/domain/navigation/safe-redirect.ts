/**
 * Where to go after a login or a form (the `retour` parameter): only a path of the app itself.
 *
 * The value is resolved the way a browser would resolve it against the app's own address (the WHATWG URL parser
 * drops tabs and line breaks, turns `\` into `/`, removes `.` segments…), and it is kept only when the result stays
 * on that origin. Checking the raw text is not enough: `/\t/attacker.invalid/` passes a "starts with one slash"
 * check and becomes `//attacker.invalid/` in the browser.
 */
export function safeRedirectPath(value: string | undefined | null, fallback: string, appOrigin: string): string {
  if (!value || !value.startsWith("/")) return fallback;
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(appOrigin);
    resolved = new URL(value, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base.origin) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // A normalised path may still read as protocol-relative (`/.//host` → `//host`): refuse it too.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
