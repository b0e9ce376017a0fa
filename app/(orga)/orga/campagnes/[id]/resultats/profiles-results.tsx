import Link from "next/link";
import { FilterSelect, SearchField } from "@/components/orga/campaigns/filter-fields";
import { ProfileReadingKey } from "@/components/orga/campaigns/profile-reading-key";
import { Pagination } from "@/components/ui/pagination";
import { TableScroll } from "@/components/ui/table-scroll";
import { campaignDivisions } from "@/lib/db/queries/campaign-results";
import { PROFILES_PER_PAGE, collectionResultsList } from "@/lib/db/queries/profiles-collection-results";
import { COMPETENCES_COUNT, MIN_CERTIFIABLE_COMPETENCES } from "@/lib/domain/scoring/pix-profile";
import { formatDate } from "@/lib/domain/shared/format-date";

export type ProfilesSearch = { recherche?: string; classe?: string; certifiable?: string; tri?: string; page?: string };

/**
 * « Résultats » of a « Collecter les profils » campaign: what its CSV export holds, one row per pupil (their latest
 * sending): pix score, certifiable or not, competences at level 1 or more. Access was checked by the page.
 */
export async function ProfilesResults({ campaignId, sharedCount, externalIdLabel, search }: { campaignId: number; sharedCount: number; externalIdLabel: string | null; search: ProfilesSearch }) {
  const page = Math.max(1, Math.min(10_000, Number.parseInt(search.page ?? "1", 10) || 1));
  const certifiable = search.certifiable === "oui" ? true : search.certifiable === "non" ? false : null;
  const sort = search.tri === "pix" ? ("pix" as const) : ("nom" as const);
  const [{ rows, total }, divisions] = await Promise.all([
    collectionResultsList(campaignId, { search: (search.recherche ?? "").slice(0, 100), division: search.classe || null, certifiable, sort, page }),
    campaignDivisions(campaignId),
  ]);
  const pages = Math.max(1, Math.ceil(total / PROFILES_PER_PAGE));
  const query = (change: Partial<ProfilesSearch>) => {
    const next = new URLSearchParams(Object.entries({ ...search, ...change }).filter(([, v]) => v) as [string, string][]);
    return `/orga/campagnes/${campaignId}/resultats${next.size ? `?${next}` : ""}`;
  };
  return (
    <section aria-labelledby="results-title" className="space-y-5">
      <h2 id="results-title" className="text-xl font-bold">Résultats ({sharedCount})</h2>
      <ProfileReadingKey />
      <form className="flex flex-wrap items-end gap-3" action={`/orga/campagnes/${campaignId}/resultats`}>
        <SearchField value={search.recherche} />
        {divisions.length > 0 && <FilterSelect name="classe" label="Classe" allLabel="Toutes les classes" value={search.classe} options={divisions.map((d) => ({ value: d, label: d }))} />}
        <FilterSelect name="certifiable" label="Certifiable" allLabel="Tous les profils" value={search.certifiable} options={[{ value: "oui", label: "Certifiable" }, { value: "non", label: "Non certifiable" }]} />
        <input type="hidden" name="tri" value={sort} />
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100">Filtrer</button>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 shadow-sm">
          {sharedCount === 0 ? "Aucun profil reçu pour l'instant : les profils apparaissent quand les élèves cliquent sur « J'envoie mon profil »." : "Aucun profil ne correspond à ces filtres."}
        </p>
      ) : (
        <TableScroll label={`Profils reçus (${total})`}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Profils reçus ({total})</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3" aria-sort={sort === "nom" ? "ascending" : undefined}><Link href={query({ tri: "nom", page: undefined })} className="underline hover:no-underline">Nom</Link></th>
                <th scope="col" className="px-4 py-3">Prénom</th>
                {divisions.length > 0 && <th scope="col" className="px-4 py-3">Classe</th>}
                {externalIdLabel && <th scope="col" className="px-4 py-3">{externalIdLabel}</th>}
                <th scope="col" className="px-4 py-3">Date d&apos;envoi</th>
                <th scope="col" className="px-4 py-3 text-right" aria-sort={sort === "pix" ? "descending" : undefined}><Link href={query({ tri: "pix", page: undefined })} className="underline hover:no-underline">Score Pix</Link></th>
                <th scope="col" className="px-4 py-3">Certifiable</th>
                <th scope="col" className="px-4 py-3 text-right">Compétences certifiables</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const isCertifiable = r.certifiableCompetencesCount >= MIN_CERTIFIABLE_COMPETENCES;
                return (
                  <tr key={r.participationId} className="border-b border-slate-100 last:border-0">
                    <td className="px-4 py-3 font-medium"><Link href={`/orga/campagnes/${campaignId}/resultats/${r.participationId}`} className="text-brand-700 underline hover:no-underline">{r.lastName}</Link></td>
                    <td className="px-4 py-3">{r.firstName}</td>
                    {divisions.length > 0 && <td className="px-4 py-3">{r.division ?? "—"}</td>}
                    {externalIdLabel && <td className="px-4 py-3">{r.externalId ?? "—"}</td>}
                    <td className="px-4 py-3">{formatDate(r.sharedAt)}</td>
                    <td className="px-4 py-3 text-right font-semibold">{r.pixScore} pix</td>
                    <td className="px-4 py-3">
                      <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${isCertifiable ? "bg-green-100 text-green-900" : "bg-slate-100 text-slate-800"}`}>
                        {isCertifiable ? "Certifiable" : "Non certifiable"}
                      </span>
                    </td>
                    <td className="px-4 py-3 text-right">{r.certifiableCompetencesCount} / {COMPETENCES_COUNT}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} pages={pages} total={`${total} profils`} hrefOf={(n) => query({ page: String(n) })} />
    </section>
  );
}
