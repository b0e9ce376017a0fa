import { campaignForPage } from "@/lib/auth/campaign-access";
import { campaignParticipants } from "@/lib/db/queries/campaign-activity";
import { participationStatusLabel } from "@/lib/domain/participations/status";

export default async function CampaignActivityPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ creee?: string; statut?: string; recherche?: string }> }) {
  const { id } = await params;
  const search = await searchParams;
  const campaign = await campaignForPage(id);
  const participants = await campaignParticipants(campaign.id, { status: search.statut, search: search.recherche });
  return (
    <section aria-labelledby="activity-title" className="space-y-4">
      {search.creee && (
        <p role="status" className="rounded-lg bg-green-50 p-4 font-medium text-green-900">
          La campagne est créée. Donnez le code <strong className="font-mono">{campaign.code}</strong> à vos élèves : ils le saisissent dans « J&apos;ai un code ».
        </p>
      )}
      <h2 id="activity-title" className="text-xl font-bold">Activité</h2>
      <form className="flex flex-wrap items-end gap-3" action={`/orga/campagnes/${campaign.id}`}>
        <div>
          <label htmlFor="statut" className="mb-1 block text-sm font-medium">Statut</label>
          <select id="statut" name="statut" defaultValue={search.statut ?? ""} className="rounded-lg border border-slate-400 px-3 py-2">
            <option value="">Tous les statuts</option>
            <option value="STARTED">En cours</option>
            <option value="TO_SHARE">En attente d&apos;envoi</option>
            <option value="SHARED">{participationStatusLabel("SHARED", campaign.type)}</option>
          </select>
        </div>
        <div>
          <label htmlFor="recherche" className="mb-1 block text-sm font-medium">Rechercher un participant</label>
          <input id="recherche" name="recherche" type="search" defaultValue={search.recherche} className="rounded-lg border border-slate-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100">Filtrer</button>
      </form>
      {participants.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 shadow-sm">Aucun participant pour l&apos;instant.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Participants ({participants.length})</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3">Nom</th>
                <th scope="col" className="px-4 py-3">Prénom</th>
                <th scope="col" className="px-4 py-3">Statut</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.participationId} className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-3 font-medium">{p.lastName}</td>
                  <td className="px-4 py-3">{p.firstName}</td>
                  <td className="px-4 py-3">{participationStatusLabel(p.status, campaign.type)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
