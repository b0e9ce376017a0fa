import type { Metadata } from "next";
import Link from "next/link";
import { TutorialLink } from "@/components/app/tutorial-link";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { campaignAnalysis } from "@/lib/use-cases/campaigns/campaign-analysis";
import { ProfilesAnalysis } from "./profiles-analysis";
import { TableScroll } from "@/components/ui/table-scroll";

/** The tab's own title (RGAA 8.6: every page names itself; the campaign's name is in the page's heading). */
export const metadata: Metadata = { title: "Analyse — Campagne" };

function Bubbles({ count, label }: { count: number; label: string }) {
  return (
    <span role="img" aria-label={label} title={label} className="inline-flex gap-1">
      {Array.from({ length: 4 }, (_, i) => (
        <span key={i} aria-hidden="true" className={`inline-block h-3 w-3 rounded-full ${i < count ? "bg-brand-600" : "bg-slate-200"}`} />
      ))}
    </span>
  );
}

export default async function CampaignAnalysisPage({ params }: { params: Promise<{ id: string }> }) {
  const campaign = await campaignForPage((await params).id);
  if (campaign.type === "PROFILES_COLLECTION") return <ProfilesAnalysis campaignId={campaign.id} />;
  const analysis = await campaignAnalysis(campaign.id);
  if (analysis.participants === 0) {
    return (
      <section aria-labelledby="analysis-title" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
        <h2 id="analysis-title" className="text-xl font-bold">Analyse</h2>
        <p className="text-slate-700">En attente de résultats : l&apos;analyse s&apos;affichera dès qu&apos;un participant aura envoyé ses résultats.</p>
      </section>
    );
  }
  return (
    <div className="space-y-6">
      <p className="rounded-xl bg-white p-4 shadow-sm">
        <Link href={`/orga/campagnes/${campaign.id}/analyse/groupes`} className="font-semibold text-brand-700 underline">Groupes de besoins</Link> : les élèves répartis selon les sujets qu&apos;ils doivent travailler, avec les tutos de chaque groupe.
      </p>
      <section aria-labelledby="subjects-title" className="space-y-3">
        <p><Link href={`/orga/campagnes/${campaign.id}/analyse/questions`} className="font-semibold text-brand-700 underline">Questions posées et leur taux de réussite →</Link></p>
        <h2 id="subjects-title" className="text-xl font-bold">Sujets ({analysis.tubes.length})</h2>
        <p className="text-slate-700">En fonction du référentiel testé et des résultats reçus ({analysis.participants}), les sujets à travailler, classés par pertinence : les plus pertinents d&apos;abord.</p>
        <TableScroll label="Sujets classés par pertinence">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Sujets classés par pertinence</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3">Sujets ({analysis.tubes.length})</th>
                <th scope="col" className="px-4 py-3" aria-sort="ascending">Pertinence ↓</th>
                <th scope="col" className="px-4 py-3">Tutos</th>
              </tr>
            </thead>
            <tbody>
              {analysis.tubes.map((t) => (
                <tr key={t.tubeId} className="border-b border-slate-100 align-top last:border-0">
                  <td className="px-4 py-3">
                    <p className="font-semibold" style={{ borderLeft: `4px solid ${t.areaColor}`, paddingLeft: 8 }}>{t.practicalTitle}</p>
                    <p className="pl-3 text-slate-600">{t.competenceName}</p>
                    {t.tutorials.length > 0 ? (
                      <details className="mt-2 pl-3">
                        <summary className="cursor-pointer font-medium text-brand-700">{t.practicalDescription} — voir les tutos</summary>
                        <p className="mt-2 text-xs text-slate-600">{t.tutorials.length} tuto{t.tutorials.length > 1 ? "s" : ""} recommandé{t.tutorials.length > 1 ? "s" : ""}</p>
                        <ul className="mt-1 list-disc space-y-1 pl-5">{t.tutorials.map((tu) => <li key={tu.id}><TutorialLink tutorial={tu} /></li>)}</ul>
                      </details>
                    ) : (
                      <p className="mt-2 pl-3 text-slate-700">{t.practicalDescription}</p>
                    )}
                  </td>
                  <td className="px-4 py-3">{t.relevance && <Bubbles count={t.relevance.bubbles} label={t.relevance.label} />}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{t.tutorials.length} tuto{t.tutorials.length > 1 ? "s" : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="competences-title" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
        <h2 id="competences-title" className="text-xl font-bold">Résultats par compétence</h2>
        <ul className="space-y-3">
          {analysis.competences.map((c) => (
            <li key={c.index}>
              <div className="flex justify-between gap-3 text-sm"><span>{c.index} {c.name}</span><span className="font-semibold">{c.percent === null ? "—" : `${c.percent} %`}</span></div>
              <div className="mt-1 h-2 rounded-full bg-slate-200" aria-hidden="true"><div className="h-2 rounded-full bg-brand-600" style={{ width: `${c.percent ?? 0}%` }} /></div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
