import type { Metadata } from "next";
import { ActivityChart } from "@/components/orga/campaigns/activity-chart";
import { FilterSelect, SearchField } from "@/components/orga/campaigns/filter-fields";
import { StatusBadge } from "@/components/orga/campaigns/status-badge";
import { ActionForm } from "@/components/ui/action-form";
import { TableScroll } from "@/components/ui/table-scroll";
import { deleteParticipationAction } from "@/lib/actions/participation-actions";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { Pagination } from "@/components/ui/pagination";
import { PARTICIPANTS_PER_PAGE, campaignParticipants } from "@/lib/db/queries/campaign-activity";
import { activityStats, campaignDivisions, dailyActivity } from "@/lib/db/queries/campaign-results";
import { collectionStats } from "@/lib/db/queries/profiles-collection-results";
import { canManageCampaign } from "@/lib/domain/authorization/permissions";
import { activitySeries } from "@/lib/domain/campaigns/activity-series";
import { parisDateParts } from "@/lib/domain/export/paris-time";
import { participationStatusLabel } from "@/lib/domain/participations/status";
import { masteryPercentFromRate } from "@/lib/domain/scoring/mastery";
import { pageNumber } from "@/lib/domain/shared/page-number";
import { certifiablePercent } from "@/lib/domain/scoring/profiles-collection";
import { ofName } from "@/lib/domain/shared/french-text";

/** The tab's own title (RGAA 8.6: every page names itself; the campaign's name is in the page's heading). */
export const metadata: Metadata = { title: "Activité — Campagne" };

function Card({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-xl bg-white p-5 shadow-sm">
      <p className="text-sm font-semibold text-slate-600">{label}</p>
      <p className="mt-1 text-3xl font-extrabold">{value}</p>
      {detail && <p className="mt-1 text-sm text-slate-700">{detail}</p>}
    </div>
  );
}

const wholeNumber = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/** « Collecter les profils »: the figures of the profiles received (their CSV columns), not a percentage of a parcours. */
async function CollectionCards({ campaignId, total }: { campaignId: number; total: number }) {
  const stats = await collectionStats(campaignId);
  const percent = certifiablePercent(stats.certifiableCount, stats.receivedCount);
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Card label="Total de participants" value={String(total)} />
      <Card label="Profils reçus" value={String(stats.receivedCount)} />
      <Card label="Score Pix moyen" value={stats.averagePix === null ? "—" : `${wholeNumber.format(stats.averagePix)} pix`} />
      <Card label="Élèves certifiables" value={percent === null ? "—" : `${percent} %`} detail={percent === null ? undefined : `${stats.certifiableCount} sur ${stats.receivedCount}`} />
    </div>
  );
}

/** Today in Paris, as the series' days are (YYYY-MM-DD). */
function parisToday(): string {
  const today = parisDateParts(new Date());
  return `${today.year}-${today.month}-${today.day}`;
}

type ActivitySearch = { creee?: string; statut?: string; recherche?: string; classe?: string; page?: string };

export default async function CampaignActivityPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<ActivitySearch> }) {
  const { id } = await params;
  const search = await searchParams;
  const campaign = await campaignForPage(id);
  const page = pageNumber(search.page);
  const [{ rows: participants, total: participantsTotal }, stats, days, divisions] = await Promise.all([
    campaignParticipants(campaign.id, { status: search.statut, search: (search.recherche ?? "").slice(0, 100), division: search.classe || undefined, page }),
    activityStats(campaign.id),
    dailyActivity(campaign.id),
    campaignDivisions(campaign.id),
  ]);
  const pages = Math.max(1, Math.ceil(participantsTotal / PARTICIPANTS_PER_PAGE));
  const pageHref = (n: number) => {
    const next = new URLSearchParams(Object.entries({ statut: search.statut, recherche: search.recherche, classe: search.classe, page: n > 1 ? String(n) : undefined }).filter(([, v]) => v) as [string, string][]);
    return `/orga/campagnes/${campaign.id}${next.size ? `?${next}` : ""}`;
  };
  const canManage = canManageCampaign({ userId: campaign.userId, role: campaign.role }, campaign);
  const sharedLabel = participationStatusLabel("SHARED", campaign.type);
  const breakdown = [
    ...(campaign.type === "ASSESSMENT" ? [{ label: "En cours", value: stats.started, color: "bg-amber-500" }] : []),
    { label: "En attente d'envoi", value: stats.toShare, color: "bg-sky-600" },
    { label: sharedLabel, value: stats.shared, color: "bg-green-700" },
  ];
  return (
    <section aria-labelledby="activity-title" className="space-y-6">
      {search.creee && (
        <p role="status" className="rounded-lg bg-green-50 p-4 font-medium text-green-900">
          La campagne est créée. Donnez le code <strong className="font-mono">{campaign.code}</strong> à vos élèves : ils le saisissent dans « J&apos;ai un code ».
        </p>
      )}
      <h2 id="activity-title" className="text-xl font-bold">Activité</h2>
      {campaign.type === "PROFILES_COLLECTION" ? (
        <CollectionCards campaignId={campaign.id} total={stats.total} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-3">
          <Card label="Total de participants" value={String(stats.total)} />
          {/* The pupils counted in "Résultats (N)" and in the average: a pupil retaking the parcours keeps the results already sent. */}
          <Card label="Résultats reçus" value={String(stats.sharedPupils)} />
          <Card label="Résultat moyen" value={stats.averageMasteryRate === null ? "—" : `${masteryPercentFromRate(stats.averageMasteryRate)} %`} />
        </div>
      )}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <section aria-labelledby="status-title" className="rounded-xl bg-white p-5 shadow-sm">
          <h3 id="status-title" className="mb-3 font-bold">Statuts</h3>
          <ul className="space-y-3">
            {breakdown.map((b) => (
              <li key={b.label}>
                <div className="flex justify-between text-sm"><span>{b.label}</span><span className="font-semibold">{b.value}</span></div>
                <div className="mt-1 h-2 rounded-full bg-slate-200" aria-hidden="true"><div className={`h-2 rounded-full ${b.color}`} style={{ width: `${stats.total ? (b.value / stats.total) * 100 : 0}%` }} /></div>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="chart-title" className="rounded-xl bg-white p-5 shadow-sm lg:col-span-2">
          <h3 id="chart-title" className="mb-3 font-bold">Activité des participants</h3>
          {days.length ? <ActivityChart series={activitySeries(days, parisToday())} sharedLabel={campaign.type === "ASSESSMENT" ? "Résultats reçus" : "Profils reçus"} /> : <p className="text-slate-700">Aucune participation pour l&apos;instant.</p>}
        </section>
      </div>
      <form className="flex flex-wrap items-end gap-3" action={`/orga/campagnes/${campaign.id}`}>
        <FilterSelect
          name="statut"
          label="Statut"
          allLabel="Tous les statuts"
          value={search.statut}
          options={[
            ...(campaign.type === "ASSESSMENT" ? [{ value: "STARTED", label: "En cours" }] : []),
            { value: "TO_SHARE", label: "En attente d'envoi" },
            { value: "SHARED", label: sharedLabel },
          ]}
        />
        {divisions.length > 0 && <FilterSelect name="classe" label="Classe" allLabel="Toutes les classes" value={search.classe} options={divisions.map((d) => ({ value: d, label: d }))} />}
        <SearchField value={search.recherche} />
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100">Filtrer</button>
      </form>
      {participants.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 shadow-sm">Aucun participant pour l&apos;instant.</p>
      ) : (
        <TableScroll label={`Participants (${participantsTotal})`}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Participants ({participantsTotal})</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3">Nom</th>
                <th scope="col" className="px-4 py-3">Prénom</th>
                {divisions.length > 0 && <th scope="col" className="px-4 py-3">Classe</th>}
                <th scope="col" className="px-4 py-3">Statut</th>
                {canManage && <th scope="col" className="px-4 py-3">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.participationId} className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-3 font-medium">{p.lastName}</td>
                  <td className="px-4 py-3">{p.firstName}</td>
                  {divisions.length > 0 && <td className="px-4 py-3">{p.division ?? "—"}</td>}
                  <td className="px-4 py-3"><StatusBadge status={p.status} campaignType={campaign.type} /></td>
                  {canManage && (
                    <td className="px-4 py-3">
                      <ActionForm
                        action={deleteParticipationAction}
                        hidden={{ participationId: p.participationId }}
                        label={`Supprimer la participation ${ofName(`${p.firstName} ${p.lastName}`)}`}
                        confirm="Supprimer cette participation ? Ses résultats ne seront plus comptés ni exportés. Action irréversible."
                        confirmLabel="Oui, supprimer"
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} pages={pages} total={`${participantsTotal} participants`} hrefOf={pageHref} />
    </section>
  );
}
