import type { Metadata } from "next";
import { StatusBadge } from "@/components/orga/campaigns/status-badge";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StarsWithTooltip } from "@/components/orga/campaigns/stars-with-tooltip";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { participationDetail } from "@/lib/db/queries/campaign-results";
import { stagesOfCampaign } from "@/lib/db/repositories/results-repository";
import { formatDate } from "@/lib/domain/shared/format-date";
import { ofName } from "@/lib/domain/shared/french-text";
import { masteryPercent, masteryPercentFromRate } from "@/lib/domain/scoring/mastery";
import { precisionPoints } from "@/lib/domain/scoring/precision";
import { MasteryFigure } from "@/components/ui/mastery-figure";
import { ProfileDetail } from "./profile-detail";
import { TableScroll } from "@/components/ui/table-scroll";

/** The page's own title (RGAA 8.6); the pupil's name is in its heading, not in the title (shared screens, history). */
export const metadata: Metadata = { title: "Résultat d'un participant — Campagne" };

export default async function ParticipantResultPage({ params }: { params: Promise<{ id: string; participationId: string }> }) {
  const { id, participationId } = await params;
  const campaign = await campaignForPage(id);
  if (campaign.type === "PROFILES_COLLECTION") return <ProfileDetail campaignId={campaign.id} participationId={Number(participationId)} />;
  const detail = await participationDetail(campaign.id, Number(participationId));
  if (!detail) notFound();
  const stages = await stagesOfCampaign(campaign.id);
  const name = detail.learner ?? detail.user ?? { firstName: "", lastName: "(anonyme)" };
  const competences = new Map<string, { index: string; name: string; targeted: number; validated: number }>();
  const tubeById = new Map(detail.tubes.map((t) => [t.id, t]));
  for (const r of detail.tubeResults) {
    const tube = tubeById.get(r.tubeId);
    if (!tube) continue;
    const c = competences.get(tube.competence.id) ?? { index: tube.competence.index, name: tube.competence.name, targeted: 0, validated: 0 };
    c.targeted += r.targetedCount;
    c.validated += r.validatedCount;
    competences.set(tube.competence.id, c);
  }
  const toWork = detail.tubeResults.filter((r) => r.validatedCount < r.targetedCount).sort((a, b) => a.validatedCount / a.targetedCount - b.validatedCount / b.targetedCount).slice(0, 8);
  const reached = detail.stageReached ?? 0;
  return (
    <section aria-labelledby="participant-title" className="space-y-5">
      <Link href={`/orga/campagnes/${campaign.id}/resultats`} className="text-sm font-semibold text-brand-700 underline">← Retour aux résultats</Link>
      <h2 id="participant-title" className="text-xl font-bold">Résultats {ofName(`${name.firstName} ${name.lastName}`)}</h2>
      <dl className="grid gap-3 rounded-xl bg-white p-5 shadow-sm sm:grid-cols-2">
        <div><dt className="text-sm text-slate-600">Statut</dt><dd className="mt-1"><StatusBadge status={detail.status} campaignType={campaign.type} /></dd></div>
        <div><dt className="text-sm text-slate-600">Commencé le</dt><dd className="font-semibold">{formatDate(detail.createdAt)}</dd></div>
        <div><dt className="text-sm text-slate-600">Envoyé le</dt><dd className="font-semibold">{detail.sharedAt ? formatDate(detail.sharedAt) : "Résultats non-envoyés"}</dd></div>
        {detail.masteryRate !== null && (
          <div>
            <dt className="text-sm text-slate-600">Résultat</dt>
            <dd className="font-semibold">
              <MasteryFigure percent={masteryPercentFromRate(detail.masteryRate)} precision={precisionPoints(detail.masteryStandardError)} />
              {/* The stars on their own line: their 18 rem tooltip, opened below them, then fits a 390 px phone. */}
              {stages[reached] && stages.length > 1 && (
                <span className="mt-1 block">
                  <StarsWithTooltip reached={reached} total={stages.length - 1} title={stages[reached].prescriberTitle} description={stages[reached].prescriberDescription} />
                </span>
              )}
            </dd>
          </div>
        )}
      </dl>
      {competences.size > 0 && (
        <TableScroll label="Résultats par compétence">
          <table className="w-full text-left text-sm">
            <caption className="p-4 text-left text-lg font-bold">Résultats par compétence</caption>
            <thead className="border-b border-slate-200 bg-slate-50"><tr><th scope="col" className="px-4 py-2">Compétence</th><th scope="col" className="px-4 py-2">Acquis validés</th><th scope="col" className="px-4 py-2">Résultat</th></tr></thead>
            <tbody>
              {[...competences.values()].sort((a, b) => a.index.localeCompare(b.index)).map((c) => (
                <tr key={c.index} className="border-b border-slate-100"><td className="px-4 py-2">{c.index} {c.name}</td><td className="px-4 py-2">{c.validated} / {c.targeted}</td><td className="px-4 py-2 font-semibold">{masteryPercent(c.validated, c.targeted)} %</td></tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {toWork.length > 0 && (
        <section aria-labelledby="to-work" className="rounded-xl bg-white p-5 shadow-sm">
          <h3 id="to-work" className="mb-2 font-bold">Sujets à travailler</h3>
          <ul className="list-disc space-y-1 pl-6">{toWork.map((r) => <li key={r.tubeId}>{tubeById.get(r.tubeId)?.practicalTitle} ({r.validatedCount} / {r.targetedCount} acquis)</li>)}</ul>
        </section>
      )}
    </section>
  );
}
