import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Stars } from "@/components/ui/stars";
import { parcoursDocumentation } from "@/lib/db/queries/parcours-documentation";
import { ESTABLISHMENT_KIND_LABELS } from "@/lib/domain/establishments/establishment-kind";
import { PARCOURS_CATEGORY_LABELS } from "@/lib/domain/learning-content/parcours-categories";
import { estimatedMinutes } from "@/lib/domain/learning-content/parcours-duration";
import { masteryBandsOf } from "@/lib/domain/scoring/stages";
import { frenchTypography } from "@/lib/domain/typography/french-typography";

export const metadata: Metadata = { title: "Documentation du parcours" };

const levels = (max: number) => (max === 1 ? "niveau 1" : `niveaux 1 à ${max}`);

/** « Consulter la documentation correspondante »: a parcours' subjects and levels, its bands and its duration. */
export default async function ParcoursDocumentationPage({ params }: { params: Promise<{ id: string }> }) {
  const parcours = await parcoursDocumentation((await params).id);
  if (!parcours) notFound();
  const duration = estimatedMinutes(parcours.subjects.length, parcours.skillCount);
  const bands = masteryBandsOf(parcours.stages);
  return (
    <article className="space-y-6">
      <Link href="/parcours" className="text-sm font-semibold text-brand-700 underline">← Tous les parcours</Link>
      <header className="space-y-3 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold text-slate-600">{PARCOURS_CATEGORY_LABELS[parcours.category] ?? parcours.category}</p>
        <h1 className="text-3xl font-bold">{parcours.name}</h1>
        <p className="text-lg">{frenchTypography(parcours.description)}</p>
        <dl className="grid gap-2 sm:grid-cols-[auto_1fr] sm:gap-x-6">
          <dt className="font-semibold">Proposé aux établissements</dt>
          <dd>{parcours.establishmentKinds.map((k) => ESTABLISHMENT_KIND_LABELS[k]).join(", ")}</dd>
          <dt className="font-semibold">Sujets évalués</dt>
          <dd>{parcours.subjects.length} sujets, {parcours.skillCount} acquis</dd>
          <dt className="font-semibold">Durée estimée</dt>
          <dd>environ {duration.from} à {duration.to} minutes (le test s&apos;adapte aux réponses : il s&apos;arrête plus tôt quand les réponses sont claires)</dd>
        </dl>
      </header>

      <section aria-labelledby="sujets" className="space-y-3 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
        <h2 id="sujets" className="text-xl font-bold">Sujets et niveaux</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Sujets du parcours {parcours.name}, avec leur compétence et les niveaux évalués</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">Sujet</th>
                <th scope="col" className="px-3 py-2">Compétence</th>
                <th scope="col" className="px-3 py-2">Niveaux évalués</th>
              </tr>
            </thead>
            <tbody>
              {parcours.subjects.map((s) => (
                <tr key={s.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <span className="font-semibold">{frenchTypography(s.title)}</span>
                    <span className="block text-slate-600">{frenchTypography(s.description)}</span>
                  </th>
                  <td className="px-3 py-2">{s.competence.index} {s.competence.name}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{levels(s.maxLevel)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="paliers" className="space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
        <h2 id="paliers" className="text-xl font-bold">Paliers</h2>
        <p className="text-slate-700">Le résultat d&apos;un élève est la part des acquis du parcours qu&apos;il a validés ; il le place dans l&apos;un de ces paliers.</p>
        <ul className="space-y-4">
          {bands.map((band, i) => (
            <li key={band.threshold} className="space-y-1">
              <p className="flex flex-wrap items-center gap-3">
                <Stars reached={i} total={bands.length - 1} />
                <span>{band.rangeLabel} : <strong>{band.prescriberTitle}</strong></span>
              </p>
              {band.guidance.map((text) => <p key={text} className="text-sm text-slate-700">{frenchTypography(text)}</p>)}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
