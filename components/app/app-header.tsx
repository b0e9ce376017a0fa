import NextLink from "next/link";
import { CircleHelp, KeyRound, LayoutGrid, UserRound } from "lucide-react";
import { LogoMark } from "../ui/logo";
import { NavLink as ClientNavLink } from "../ui/nav-link";
import { isInSection } from "@/lib/domain/navigation/active-section";

const ENTRY = "inline-flex items-center gap-1.5 rounded-md px-1 py-1 text-slate-800 hover:text-brand-700";
/** The current section: underlined in the brand colour (not by colour alone). */
const CURRENT = "text-brand-700 underline decoration-2 underline-offset-8";
const ICON = "h-4 w-4 shrink-0";

/**
 * Header of the student app: brand, main navigation (the current section marked), help and the "J'ai un code" entry.
 * `signOut` is the « Se déconnecter » form: a server action in the App Router layout, a plain POST to /deconnexion on
 * the question page. That page is rendered outside the App Router, without client components (ADR 0017): it passes
 * `plainPath`, its own path, and gets plain links with the current section worked out here.
 */
export function AppHeader({ userName, signOut, plainPath }: { userName: string | null; signOut: React.ReactNode; plainPath?: string }) {
  const Link = plainPath === undefined ? NextLink : "a";
  const NavLink = plainPath === undefined ? ClientNavLink : plainNavLink(plainPath);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="inline-flex items-center gap-2 text-xl font-extrabold tracking-tight text-brand-700">
          <LogoMark />
          Pix Libre
          <span className="sr-only"> – accueil</span>
        </Link>
        <nav aria-label="Navigation principale">
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm font-medium">
            {userName && (
              <li>
                <NavLink href="/competences" className={ENTRY} activeClassName={CURRENT}>
                  <LayoutGrid className={ICON} /> Compétences
                </NavLink>
              </li>
            )}
            {userName && (
              <li>
                <NavLink href="/mon-compte" className={ENTRY} activeClassName={CURRENT}>
                  <UserRound className={ICON} /> Mon compte
                </NavLink>
              </li>
            )}
            <li>
              <NavLink href="/aide" className={ENTRY} activeClassName={CURRENT}>
                <CircleHelp className={ICON} /> Aide
              </NavLink>
            </li>
            <li>
              <NavLink
                href="/campagnes"
                exact
                className="inline-flex items-center gap-1.5 rounded-lg bg-brand-600 px-3 py-2 font-semibold text-white hover:bg-brand-700"
                activeClassName="ring-2 ring-brand-800 ring-offset-2"
              >
                <KeyRound className={ICON} /> J&apos;ai un code
              </NavLink>
            </li>
            {userName ? (
              <li className="flex items-center gap-2">
                <Link href="/mon-compte" className="text-slate-700 hover:text-brand-700" title="Mon compte">
                  {userName}
                </Link>
                {signOut}
              </li>
            ) : (
              <li>
                <Link href="/connexion" className="text-brand-700 underline hover:no-underline">
                  Se connecter
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

type NavLinkProps = { href: string; exact?: boolean; className: string; activeClassName: string; children: React.ReactNode };

/** NavLink's markup for a page rendered on the server only: the current section is known from the page's path. */
function plainNavLink(pathname: string) {
  return function PlainNavLink({ href, exact = false, className, activeClassName, children }: NavLinkProps) {
    const isCurrent = exact ? pathname === href : isInSection(pathname, href);
    return (
      <a href={href} aria-current={isCurrent ? "page" : undefined} className={`${className} ${isCurrent ? activeClassName : ""}`}>
        {children}
      </a>
    );
  };
}
