import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { parsePage, parseQuestionSort, type QuestionSort } from "@/lib/domain/analysis/question-view";
import { campaignQuestions } from "@/lib/use-cases/campaigns/campaign-questions";
import { QuestionTable } from "./question-table";

export const metadata: Metadata = { title: "Questions — Analyse" };

const SORT_LABELS: Record<QuestionSort, string> = { sujet: "Par sujet", "reussite-croissante": "Réussite croissante", "reussite-decroissante": "Réussite décroissante" };

/**
 * « Questions » of Analyse: each question met by the pupils whose results were sent, with the class's success rate,
 * its text and correction. Aggregates only (no pupil per question). Members of the campaign's school (campaignForPage).
 */
export default async function CampaignQuestionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tri?: string; page?: string }> }) {
  const campaign = await campaignForPage((await params).id);
  if (campaign.type !== "ASSESSMENT") notFound();
  const query = await searchParams;
  const view = await campaignQuestions(campaign.id, parseQuestionSort(query.tri), parsePage(query.page));
  const base = `/orga/campagnes/${campaign.id}/analyse/questions`;
  const href = (sort: QuestionSort, page = 1) => `${base}?tri=${sort}${page > 1 ? `&page=${page}` : ""}`;
  return (
    <section aria-labelledby="questions-title" className="space-y-4">
      <p><Link href={`/orga/campagnes/${campaign.id}/analyse`} className="font-semibold text-brand-700 underline">← Analyse : sujets et compétences</Link></p>
      <h2 id="questions-title" className="text-xl font-bold">Questions ({view.questionCount})</h2>
      <p className="max-w-3xl text-slate-700">
        Les questions rencontrées par les participants qui ont envoyé leurs résultats (le dernier envoi de chaque élève, comme
        le reste de l&apos;Analyse), avec le taux de réussite de la classe, le texte de la question et sa correction. Le parcours
        s&apos;adapte à chaque élève : chacun ne rencontre qu&apos;une partie des questions, d&apos;où le nombre d&apos;élèves indiqué pour chacune.
      </p>
      {view.questionCount === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 shadow-sm">En attente de résultats : les questions s&apos;afficheront dès qu&apos;un participant aura envoyé ses résultats.</p>
      ) : (
        <>
          <nav aria-label="Ordre des questions">
            <ul className="flex flex-wrap gap-2">
              {(Object.keys(SORT_LABELS) as QuestionSort[]).map((sort) => (
                <li key={sort}>
                  <Link href={href(sort)} aria-current={view.sort === sort ? "page" : undefined}
                    className={`inline-block rounded-lg border px-3 py-1.5 text-sm font-semibold ${view.sort === sort ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 text-slate-700 hover:bg-slate-100"}`}>
                    {SORT_LABELS[sort]}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {view.sort === "sujet" ? (
            view.subjects.map((subject) => (
              <section key={subject.tubeId} aria-labelledby={`sujet-${subject.tubeId}`} className="space-y-2">
                <h3 id={`sujet-${subject.tubeId}`} className="text-lg font-semibold" style={{ borderLeft: `4px solid ${subject.areaColor}`, paddingLeft: 8 }}>
                  {subject.tubeTitle} <span className="font-normal text-slate-600">— {subject.competence}, {Math.round((100 * subject.successes) / subject.met)} % de réussite</span>
                </h3>
                <QuestionTable caption={`Questions du sujet « ${subject.tubeTitle} »`} questions={subject.questions} sort={null} sortHref={href("reussite-croissante")} />
              </section>
            ))
          ) : (
            <QuestionTable caption={`Questions par ${SORT_LABELS[view.sort].toLowerCase()}`} questions={view.questions} sort={view.sort} showSubject
              sortHref={href(view.sort === "reussite-croissante" ? "reussite-decroissante" : "reussite-croissante")} />
          )}
          {view.pages > 1 && (
            <nav aria-label="Pages des questions" className="flex flex-wrap items-center gap-3 text-sm">
              {view.page > 1 && <Link href={href(view.sort, view.page - 1)} className="font-semibold text-brand-700 underline">Page précédente</Link>}
              <span>Page {view.page} sur {view.pages}</span>
              {view.page < view.pages && <Link href={href(view.sort, view.page + 1)} className="font-semibold text-brand-700 underline">Page suivante</Link>}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
