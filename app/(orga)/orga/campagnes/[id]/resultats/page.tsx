import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { MasteryKey } from "@/components/orga/campaigns/mastery-key";
import { FilterSelect, SearchField } from "@/components/orga/campaigns/filter-fields";
import { StarsWithTooltip } from "@/components/orga/campaigns/stars-with-tooltip";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { campaignDetails } from "@/lib/db/queries/campaign-list";
import { campaignDivisions, resultsList, RESULTS_PER_PAGE } from "@/lib/db/queries/campaign-results";
import { stagesOfCampaign } from "@/lib/db/repositories/results-repository";
import { masteryPercentFromRate } from "@/lib/domain/scoring/mastery";
import { precisionPoints } from "@/lib/domain/scoring/precision";
import { MasteryFigure } from "@/components/ui/mastery-figure";
import { roleCan } from "@/lib/domain/authorization/permissions";
import { pageNumber } from "@/lib/domain/shared/page-number";
import { CampaignMissingLearners } from "@/components/orga/campaigns/campaign-missing-learners";
import { campaignMissingLearners } from "@/lib/db/queries/campaign-missing-learners";
import { ProfilesResults, type ProfilesSearch } from "./profiles-results";
import { TableScroll } from "@/components/ui/table-scroll";

/** The tab's own title (RGAA 8.6: every page names itself; the campaign's name is in the page's heading). */
export const metadata: Metadata = { title: "Résultats — Campagne" };

type Search = { recherche?: string; palier?: string; classe?: string; tri?: string; page?: string };

export default async function CampaignResultsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search & ProfilesSearch> }) {
  const campaign = await campaignForPage((await params).id);
  const search = await searchParams;
  const details = await campaignDetails(campaign.id);
  if (campaign.type === "PROFILES_COLLECTION") {
    return (
      <div className="space-y-5">
        <ProfilesResults campaignId={campaign.id} sharedCount={details.sharedCount} externalIdLabel={details.externalIdLabel} search={search} />
        {campaign.isManagingStudents && (
          <CampaignMissingLearners missing={await campaignMissingLearners(campaign, search.classe || null)} canManageAccounts={roleCan(campaign.role, "learners:manage-accounts")} campaignCode={campaign.code} establishmentId={campaign.establishmentId} />
        )}
      </div>
    );
  }
  const stages = await stagesOfCampaign(campaign.id);
  const page = pageNumber(search.page);
  const stage = search.palier !== undefined && search.palier !== "" ? Number(search.palier) : null;
  const sort = search.tri === "resultat" ? ("resultat" as const) : ("nom" as const);
  const [{ rows, total }, divisions] = await Promise.all([
    resultsList(campaign.id, { search: (search.recherche ?? "").slice(0, 100), stage: Number.isInteger(stage) ? stage : null, division: search.classe || null, sort, page }),
    campaignDivisions(campaign.id),
  ]);
  const pages = Math.max(1, Math.ceil(total / RESULTS_PER_PAGE));
  const totalStars = Math.max(0, stages.length - 1);
  const query = (change: Partial<Search>) => {
    const next = new URLSearchParams(Object.entries({ ...search, ...change }).filter(([, v]) => v) as [string, string][]);
    return `/orga/campagnes/${campaign.id}/resultats${next.size ? `?${next}` : ""}`;
  };
  return (
    <section aria-labelledby="results-title" className="space-y-5">
      <h2 id="results-title" className="text-xl font-bold">Résultats ({details.sharedCount})</h2>
      <MasteryKey stages={stages} />
      <form className="flex flex-wrap items-end gap-3" action={`/orga/campagnes/${campaign.id}/resultats`}>
        <SearchField value={search.recherche} />
        {stages.length > 1 && (
          <FilterSelect name="palier" label="Palier" allLabel="Tous les paliers" value={search.palier} options={stages.map((s, i) => ({ value: String(i), label: `${i} étoile${i > 1 ? "s" : ""} – ${s.prescriberTitle}` }))} />
        )}
        {divisions.length > 0 && <FilterSelect name="classe" label="Classe" allLabel="Toutes les classes" value={search.classe} options={divisions.map((d) => ({ value: d, label: d }))} />}
        <input type="hidden" name="tri" value={sort} />
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100">Filtrer</button>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 shadow-sm">
          {details.sharedCount === 0 ? "Aucun résultat reçu pour l'instant : les résultats apparaissent quand les élèves cliquent sur « J'envoie mes résultats »." : "Aucun résultat ne correspond à ces filtres."}
        </p>
      ) : (
        <TableScroll label={`Résultats reçus (${total})`}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Résultats reçus ({total})</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3" aria-sort={sort === "nom" ? "ascending" : undefined}><Link href={query({ tri: "nom", page: undefined })} className="underline hover:no-underline">Nom</Link></th>
                <th scope="col" className="px-4 py-3">Prénom</th>
                {divisions.length > 0 && <th scope="col" className="px-4 py-3">Classe</th>}
                {details.externalIdLabel && <th scope="col" className="px-4 py-3">{details.externalIdLabel}</th>}
                <th scope="col" className="px-4 py-3" aria-sort={sort === "resultat" ? "descending" : undefined}><Link href={query({ tri: "resultat", page: undefined })} className="underline hover:no-underline">Résultats</Link></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const reached = r.stageReached ?? 0;
                const s = stages[reached];
                return (
                  <tr key={r.participationId} className="border-b border-slate-100 last:border-0">
                    <td className="px-4 py-3 font-medium"><Link href={`/orga/campagnes/${campaign.id}/resultats/${r.participationId}`} className="text-brand-700 underline hover:no-underline">{r.lastName}</Link></td>
                    <td className="px-4 py-3">{r.firstName}</td>
                    {divisions.length > 0 && <td className="px-4 py-3">{r.division ?? "—"}</td>}
                    {details.externalIdLabel && <td className="px-4 py-3">{r.externalId ?? "—"}</td>}
                    <td className="px-4 py-3">
                      <span className="mr-3 font-semibold"><MasteryFigure percent={masteryPercentFromRate(r.masteryRate)} precision={precisionPoints(r.masteryStandardError)} /></span>
                      {s && totalStars > 0 && <StarsWithTooltip reached={reached} total={totalStars} title={s.prescriberTitle} description={s.prescriberDescription} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {campaign.isManagingStudents && (
        <CampaignMissingLearners missing={await campaignMissingLearners(campaign, search.classe || null)} canManageAccounts={roleCan(campaign.role, "learners:manage-accounts")} campaignCode={campaign.code} establishmentId={campaign.establishmentId} />
      )}
      <Pagination page={page} pages={pages} hrefOf={(n) => query({ page: String(n) })} />
    </section>
  );
}
