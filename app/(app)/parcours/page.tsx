import type { Metadata } from "next";
import Link from "next/link";
import { parcoursCatalogue } from "@/lib/db/queries/parcours-documentation";
import { ESTABLISHMENT_KIND_LABELS, ESTABLISHMENT_KINDS, type EstablishmentKind } from "@/lib/domain/establishments/establishment-kind";
import { PARCOURS_CATEGORY_LABELS, byCategoryOrder } from "@/lib/domain/learning-content/parcours-categories";
import { frenchTypography } from "@/lib/domain/typography/french-typography";

export const metadata: Metadata = { title: "Documentation des parcours" };

/** Public catalogue of the parcours, by kind, filterable by kind of establishment (works without JavaScript). */
export default async function ParcoursCataloguePage({ searchParams }: { searchParams: Promise<{ etablissement?: string }> }) {
  const wanted = (await searchParams).etablissement;
  const kind = ESTABLISHMENT_KINDS.find((k) => k === wanted) as EstablishmentKind | undefined;
  const profiles = (await parcoursCatalogue()).filter((p) => !kind || p.establishmentKinds.includes(kind));
  const categories = [...new Set(profiles.map((p) => p.category))].sort(byCategoryOrder);
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Documentation des parcours</h1>
        <p className="text-slate-700">Chaque parcours évalue une sélection de sujets, chacun jusqu&apos;à un niveau donné. Ouvrez un parcours pour voir ses sujets, ses paliers et sa durée estimée.</p>
      </header>
      <nav aria-label="Parcours proposés par type d'établissement" className="flex flex-wrap gap-2 text-sm">
        <Link href="/parcours" aria-current={!kind ? "page" : undefined} className={`rounded-full border px-3 py-1 ${!kind ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300"}`}>Tous</Link>
        {ESTABLISHMENT_KINDS.map((k) => (
          <Link key={k} href={`/parcours?etablissement=${k}`} aria-current={k === kind ? "page" : undefined} className={`rounded-full border px-3 py-1 ${k === kind ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300"}`}>
            {ESTABLISHMENT_KIND_LABELS[k]}
          </Link>
        ))}
      </nav>
      {categories.map((category) => (
        <section key={category} aria-labelledby={`categorie-${category}`} className="space-y-3 rounded-2xl bg-white p-6 shadow-sm">
          <h2 id={`categorie-${category}`} className="text-xl font-bold">{PARCOURS_CATEGORY_LABELS[category] ?? category}</h2>
          <ul className="space-y-3">
            {profiles.filter((p) => p.category === category).map((p) => (
              <li key={p.id}>
                <Link href={`/parcours/${p.id}`} className="font-semibold text-brand-700 underline">{p.name}</Link>
                <p className="text-sm text-slate-700">{frenchTypography(p.description)}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
