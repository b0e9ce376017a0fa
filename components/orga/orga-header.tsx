import Link from "next/link";
import { CircleHelp, GraduationCap, Megaphone, Users } from "lucide-react";
import { LogoutButton, LogoutEverywhereButton } from "../ui/logout-button";
import { LogoMark } from "../ui/logo";
import { NavLink } from "../ui/nav-link";
import type { OrgaContext } from "@/lib/db/queries/orga-context";
import { EstablishmentSwitcher } from "./establishment-switcher";

const TAB = "inline-flex items-center gap-1.5 border-b-2 border-transparent pb-2 text-slate-800 hover:border-brand-600";
/** The current section: a thick brand-coloured underline (a shape, not only a colour). */
const CURRENT_TAB = "border-brand-700! text-brand-700!";
const ICON = "h-4 w-4 shrink-0";

/** Header of the teacher space: current establishment (switchable), navigation (current section marked), help and account. */
export function OrgaHeader({ context }: { context: OrgaContext | null }) {
  const current = context?.current ?? null;
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-4">
          <Link href="/orga" className="inline-flex items-center gap-2 text-xl font-extrabold tracking-tight text-brand-700">
            <LogoMark />
            Pix Orga
          </Link>
          {current && context && (
            <EstablishmentSwitcher
              current={{ id: current.establishmentId, name: current.establishmentName, uai: current.uai }}
              others={context.memberships
                .filter((m) => m.establishmentId !== current.establishmentId)
                .map((m) => ({ id: m.establishmentId, name: m.establishmentName, uai: m.uai }))}
            />
          )}
        </div>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {!current && (
            <NavLink href="/orga/aide" className="inline-flex items-center gap-1.5 font-semibold text-slate-800 hover:text-brand-700" activeClassName="text-brand-700 underline">
              <CircleHelp className={ICON} /> Aide
            </NavLink>
          )}
          {context && (
            <>
              {/* The account menu: a native disclosure, usable with the keyboard and without JavaScript. */}
              <details className="relative">
                <summary className="cursor-pointer text-slate-700 hover:text-brand-700">
                  {context.firstName} {context.lastName}
                </summary>
                <div className="absolute right-0 z-10 mt-2 w-72 space-y-2 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
                  <p className="text-slate-600">Un appareil perdu, un ordinateur partagé ? Fermez toutes vos sessions.</p>
                  <LogoutEverywhereButton callbackUrl="/orga" />
                </div>
              </details>
              <LogoutButton callbackUrl="/orga" />
            </>
          )}
        </div>
      </div>
      {current && (
        <nav aria-label="Navigation Pix Orga" className="mx-auto max-w-6xl px-4">
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm font-semibold">
            <li>
              <NavLink href="/orga" alsoOwns={["/orga/campagnes", "/orga/impression"]} className={TAB} activeClassName={CURRENT_TAB}>
                <Megaphone className={ICON} /> Campagnes
              </NavLink>
            </li>
            {current.isManagingStudents && (
              <li>
                <NavLink href="/orga/eleves" className={TAB} activeClassName={CURRENT_TAB}>
                  <GraduationCap className={ICON} /> Élèves
                </NavLink>
              </li>
            )}
            <li>
              <NavLink href="/orga/equipe" className={TAB} activeClassName={CURRENT_TAB}>
                <Users className={ICON} /> Équipe
              </NavLink>
            </li>
            <li>
              <NavLink href="/orga/aide" className={TAB} activeClassName={CURRENT_TAB}>
                <CircleHelp className={ICON} /> Aide
              </NavLink>
            </li>
          </ul>
        </nav>
      )}
    </header>
  );
}
