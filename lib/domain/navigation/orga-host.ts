/**
 * With a separate teacher host (ORGA_URL, e.g. orga.example.fr), a request to that host is served from the
 * /orga area: "/" → "/orga", "/equipe" → "/orga/equipe" ("/aide" → the teachers' help). Shared paths (API, assets,
 * content, the icon, the pages of the footer) stay as they are.
 */
const SHARED_PREFIXES = [
  "/orga", "/api", "/_next", "/contenu", "/tutoriels", "/parcours", "/favicon", "/icon", "/dev",
  "/mentions-legales", "/accessibilite", "/donnees-personnelles",
];

export function orgaRewritePath(host: string | null, pathname: string, orgaUrl: string | undefined): string | null {
  if (!orgaUrl || !host) return null;
  if (new URL(orgaUrl).host !== host) return null;
  if (SHARED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`) || pathname.startsWith(`${prefix}.`))) return null;
  return pathname === "/" ? "/orga" : `/orga${pathname}`;
}
