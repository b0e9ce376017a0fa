/**
 * Whether a navigation entry is the section the visitor is in (`aria-current="page"`): the exact address, or a page
 * below it. "/orga" (Campagnes) also owns the campaign pages, which live under "/orga/campagnes".
 */
export function isInSection(pathname: string, href: string, alsoOwns: readonly string[] = []): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (href === "/" || href === "/orga") return path === href || alsoOwns.some(under);
  return under(href) || alsoOwns.some(under);
}
