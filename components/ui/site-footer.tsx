import NextLink from "next/link";
import { LogoMark } from "./logo";

/**
 * The foot of every page: the legal pages (shared by both apps) and the help of the app the visitor is in
 * (`helpHref`: "/aide" for pupils, "/orga/aide" for teachers). Never printed. `plain`: plain links, for the question
 * page rendered outside the App Router without client components (ADR 0017).
 */
export function SiteFooter({ helpHref = "/aide", plain = false }: { helpHref?: string; plain?: boolean }) {
  const Link = plain ? "a" : NextLink;
  const links = [
    { href: "/mentions-legales", label: "Mentions légales" },
    { href: "/accessibilite", label: "Accessibilité : partiellement conforme" },
    { href: "/donnees-personnelles", label: "Données personnelles" },
    { href: helpHref, label: "Aide" },
  ];
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm">
        <p className="flex items-center gap-2 text-slate-700">
          <LogoMark className="h-5 w-5" />
          Pix Libre, logiciel libre pour évaluer les compétences numériques
        </p>
        <nav aria-label="Pied de page">
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="text-slate-800 underline hover:text-brand-700 hover:no-underline">{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
