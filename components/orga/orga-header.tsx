import Link from "next/link";
import { LogoutButton, LogoutEverywhereButton } from "../ui/logout-button";
import type { OrgaContext } from "@/lib/db/queries/orga-context";
import { EstablishmentSwitcher } from "./establishment-switcher";

/** Header of the teacher space: current establishment (switchable), navigation and account. */
export function OrgaHeader({ context }: { context: OrgaContext | null }) {
  const current = context?.current ?? null;
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-4">
          <Link href="/orga" className="text-xl font-extrabold tracking-tight text-brand-700">
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
        {context && (
          <div className="flex items-center gap-3 text-sm">
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
          </div>
        )}
      </div>
      {current && (
        <nav aria-label="Navigation Pix Orga" className="mx-auto max-w-6xl px-4">
          <ul className="flex gap-6 text-sm font-semibold">
            <li>
              <Link href="/orga" className="inline-block border-b-2 border-transparent pb-2 hover:border-brand-600">
                Campagnes
              </Link>
            </li>
            {current.isManagingStudents && (
              <li>
                <Link href="/orga/eleves" className="inline-block border-b-2 border-transparent pb-2 hover:border-brand-600">
                  Élèves
                </Link>
              </li>
            )}
            <li>
              <Link href="/orga/equipe" className="inline-block border-b-2 border-transparent pb-2 hover:border-brand-600">
                Équipe
              </Link>
            </li>
          </ul>
        </nav>
      )}
    </header>
  );
}
