import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { SiteFooter } from "@/components/ui/site-footer";

export const dynamic = "force-dynamic";

/**
 * The footer's pages are shared by the pupils' app and Pix Orga (same addresses on both hosts, see orga-host.ts): a
 * neutral header leads back to either space.
 */
export default function InfoLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/">
            <Logo name="Pix Libre" />
            <span className="sr-only"> – accueil</span>
          </Link>
          <nav aria-label="Espaces">
            <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm font-medium">
              <li><Link href="/" className="text-slate-800 underline hover:text-brand-700">Espace élève</Link></li>
              <li><Link href="/orga" className="text-slate-800 underline hover:text-brand-700">Pix Orga (enseignants)</Link></li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="contenu" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
