import Link from "next/link";
import { LogoutButton } from "../ui/logout-button";

/** Header of the student app: brand, main navigation and the "J'ai un code" entry. */
export function AppHeader({ userName }: { userName: string | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-xl font-extrabold tracking-tight text-brand-700">
          Pix Libre
          <span className="sr-only"> – accueil</span>
        </Link>
        <nav aria-label="Navigation principale">
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm font-medium">
            {userName && (
              <li>
                <Link href="/competences" className="text-slate-800 hover:text-brand-700">
                  Compétences
                </Link>
              </li>
            )}
            <li>
              <Link href="/campagnes" className="rounded-lg bg-brand-600 px-3 py-2 font-semibold text-white hover:bg-brand-700">
                J&apos;ai un code
              </Link>
            </li>
            {userName ? (
              <li className="flex items-center gap-2">
                <Link href="/mon-compte" className="text-slate-700 hover:text-brand-700" title="Mon compte">
                  {userName}
                </Link>
                <LogoutButton callbackUrl="/" />
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
