import { StatusBadge } from "@/components/orga/campaigns/status-badge";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TableScroll } from "@/components/ui/table-scroll";
import { frameworkCompetences } from "@/lib/db/queries/pix-profile";
import { profileDetail } from "@/lib/db/queries/profiles-collection-results";
import { MIN_CERTIFIABLE_COMPETENCES, COMPETENCES_COUNT } from "@/lib/domain/scoring/pix-profile";
import { profileCompetenceRows } from "@/lib/domain/scoring/profiles-collection";
import { formatDate } from "@/lib/domain/shared/format-date";
import { ofName } from "@/lib/domain/shared/french-text";

/** « Profil de Prénom Nom » (a « Collecter les profils » campaign): the 16 competences with level and pix, as sent. */
export async function ProfileDetail({ campaignId, participationId }: { campaignId: number; participationId: number }) {
  const [detail, competences] = await Promise.all([profileDetail(campaignId, participationId), frameworkCompetences()]);
  if (!detail) notFound();
  const name = detail.learner ?? detail.user ?? { firstName: "", lastName: "(anonyme)" };
  const isShared = detail.status === "SHARED";
  const rows = profileCompetenceRows(competences, detail.pixByCompetence);
  const certifiableCount = detail.certifiableCompetencesCount ?? 0;
  return (
    <section aria-labelledby="participant-title" className="space-y-5">
      <Link href={`/orga/campagnes/${campaignId}/resultats`} className="text-sm font-semibold text-brand-700 underline">← Retour aux résultats</Link>
      <h2 id="participant-title" className="text-xl font-bold">Profil {ofName(`${name.firstName} ${name.lastName}`)}</h2>
      <dl className="grid gap-3 rounded-xl bg-white p-5 shadow-sm sm:grid-cols-3">
        <div><dt className="text-sm text-slate-600">Statut</dt><dd className="mt-1"><StatusBadge status={detail.status} campaignType={"PROFILES_COLLECTION"} /></dd></div>
        <div><dt className="text-sm text-slate-600">Commencé le</dt><dd className="font-semibold">{formatDate(detail.createdAt)}</dd></div>
        <div><dt className="text-sm text-slate-600">Envoyé le</dt><dd className="font-semibold">{detail.sharedAt ? formatDate(detail.sharedAt) : "Profil non envoyé"}</dd></div>
        {isShared && (
          <>
            <div><dt className="text-sm text-slate-600">Score Pix</dt><dd className="text-2xl font-extrabold">{detail.pixScore ?? 0} pix</dd></div>
            <div><dt className="text-sm text-slate-600">Certifiable</dt><dd className="font-semibold">{certifiableCount >= MIN_CERTIFIABLE_COMPETENCES ? "Oui" : "Non"}</dd></div>
            <div><dt className="text-sm text-slate-600">Compétences certifiables</dt><dd className="font-semibold">{certifiableCount} / {COMPETENCES_COUNT}</dd></div>
          </>
        )}
      </dl>
      {isShared ? (
        <TableScroll label="Niveau par compétence">
          <table className="w-full text-left text-sm">
            <caption className="p-4 text-left text-lg font-bold">Niveau par compétence</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr><th scope="col" className="px-4 py-2">Compétence</th><th scope="col" className="px-4 py-2 text-right">Niveau</th><th scope="col" className="px-4 py-2 text-right">Pix</th></tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.competenceId} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-4 py-2 font-normal" style={{ borderLeft: `4px solid ${competences[i].area.color}` }}>{competences[i].index} {competences[i].name}</th>
                  <td className="px-4 py-2 text-right font-semibold">{row.level}</td>
                  <td className="px-4 py-2 text-right">{row.pix}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="rounded-xl bg-white p-6 text-slate-700 shadow-sm">Le profil apparaîtra ici quand l&apos;élève aura cliqué sur « J&apos;envoie mon profil ».</p>
      )}
    </section>
  );
}
