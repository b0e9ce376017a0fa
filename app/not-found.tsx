import Link from "next/link";
import { SiteFooter } from "@/components/ui/site-footer";

export default function NotFound() {
  return (
    <>
      <main id="contenu" className="mx-auto max-w-xl px-4 py-16 text-center">
        <h1 className="text-2xl font-bold">Page introuvable</h1>
        <p className="mt-3 text-slate-700">Cette page n&apos;existe pas ou vous n&apos;y avez pas accès.</p>
        <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">Retour à l&apos;accueil</Link>
      </main>
      <SiteFooter />
    </>
  );
}
