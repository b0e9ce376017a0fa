import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { primaryButton } from "@/components/ui/button-styles";
import { CAMPAIGNS_PER_PAGE, type CampaignListRow } from "@/lib/db/queries/campaign-list";
import { formatDate } from "@/lib/domain/shared/format-date";
import { TableScroll } from "@/components/ui/table-scroll";

type Query = { onglet: "mes" | "toutes"; statut: "actives" | "archivees"; recherche: string; page: number };

function href(query: Query, change: Partial<Query>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.onglet !== "toutes") params.set("onglet", next.onglet);
  if (next.statut !== "actives") params.set("statut", next.statut);
  if (next.recherche) params.set("recherche", next.recherche);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `/orga?${text}` : "/orga";
}

const tab = (active: boolean) =>
  `inline-block rounded-t-lg border-b-2 px-3 py-2 font-semibold ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-700 hover:border-slate-300"}`;

/** "Mes campagnes" / "Toutes les campagnes", Actives / Archivées, search and pagination. */
export function CampaignList({ rows, total, query }: { rows: CampaignListRow[]; total: number; query: Query }) {
  const pages = Math.max(1, Math.ceil(total / CAMPAIGNS_PER_PAGE));
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Campagnes</h1>
        <Link href="/orga/campagnes/nouvelle" className={primaryButton}>
          Créer une campagne
        </Link>
      </div>
      <nav aria-label="Choix des campagnes" className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200">
        <ul className="flex gap-2">
          <li>
            <Link href={href(query, { onglet: "mes", page: 1 })} className={tab(query.onglet === "mes")} aria-current={query.onglet === "mes" ? "page" : undefined}>
              Mes campagnes
            </Link>
          </li>
          <li>
            <Link href={href(query, { onglet: "toutes", page: 1 })} className={tab(query.onglet === "toutes")} aria-current={query.onglet === "toutes" ? "page" : undefined}>
              Toutes les campagnes
            </Link>
          </li>
        </ul>
        <ul className="flex gap-2 pb-1 text-sm">
          <li>
            <Link href={href(query, { statut: "actives", page: 1 })} className={tab(query.statut === "actives")} aria-current={query.statut === "actives" ? "page" : undefined}>
              Actives
            </Link>
          </li>
          <li>
            <Link href={href(query, { statut: "archivees", page: 1 })} className={tab(query.statut === "archivees")} aria-current={query.statut === "archivees" ? "page" : undefined}>
              Archivées
            </Link>
          </li>
        </ul>
      </nav>
      <form role="search" action="/orga" className="flex flex-wrap items-end gap-2">
        {query.onglet !== "toutes" && <input type="hidden" name="onglet" value={query.onglet} />}
        {query.statut !== "actives" && <input type="hidden" name="statut" value={query.statut} />}
        <div>
          <label htmlFor="recherche" className="mb-1 block text-sm font-medium">
            Rechercher une campagne ou un propriétaire
          </label>
          <input id="recherche" name="recherche" type="search" defaultValue={query.recherche} className="w-72 rounded-lg border border-slate-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100">
          Rechercher
        </button>
      </form>
      {rows.length === 0 ? (
        <div className="rounded-xl bg-white p-8 text-center shadow-sm">
          <p className="text-lg font-semibold">{query.recherche ? "Aucune campagne ne correspond à votre recherche." : query.statut === "archivees" ? "Aucune campagne archivée." : "Aucune campagne pour l'instant."}</p>
          {!query.recherche && query.statut === "actives" && (
            <p className="mt-2 text-slate-700">
              Cliquez sur <Link href="/orga/campagnes/nouvelle" className="font-semibold text-brand-700 underline">Créer une campagne</Link> pour obtenir un code à donner à vos élèves.
            </p>
          )}
        </div>
      ) : (
        <TableScroll label={`Liste des campagnes (${total})`}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Liste des campagnes ({total})</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3">Campagnes</th>
                <th scope="col" className="px-4 py-3">Code</th>
                <th scope="col" className="px-4 py-3">Créé par</th>
                <th scope="col" className="px-4 py-3">Créé le</th>
                <th scope="col" className="px-4 py-3 text-right">Participants</th>
                <th scope="col" className="px-4 py-3 text-right">Résultats reçus</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                  <th scope="row" className="px-4 py-3 font-semibold">
                    <Link href={`/orga/campagnes/${c.id}`} className="text-brand-700 underline hover:no-underline">
                      {c.name}
                    </Link>
                  </th>
                  <td className="px-4 py-3 font-mono">{c.code}</td>
                  <td className="px-4 py-3">{c.ownerName}</td>
                  <td className="px-4 py-3">{formatDate(c.createdAt)}</td>
                  <td className="px-4 py-3 text-right">{c.participantsCount}</td>
                  <td className="px-4 py-3 text-right">{c.sharedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={query.page} pages={pages} total={`${total} campagnes`} hrefOf={(n) => href(query, { page: n })} />
    </div>
  );
}
