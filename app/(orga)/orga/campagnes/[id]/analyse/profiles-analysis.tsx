import { LevelDistributionChart } from "@/components/orga/campaigns/level-distribution-chart";
import { ProfileReadingKey } from "@/components/orga/campaigns/profile-reading-key";
import { TableScroll } from "@/components/ui/table-scroll";
import { masteryPercent } from "@/lib/domain/scoring/mastery";
import { profilesCollectionAnalysis } from "@/lib/use-cases/campaigns/profiles-collection-analysis";

const decimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Analyse of a « Collecter les profils » campaign: the 16 competences and how many profiles reach each level. */
export async function ProfilesAnalysis({ campaignId }: { campaignId: number }) {
  const analysis = await profilesCollectionAnalysis(campaignId);
  if (analysis.receivedCount === 0) {
    return (
      <section aria-labelledby="analysis-title" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
        <h2 id="analysis-title" className="text-xl font-bold">Analyse</h2>
        <p className="text-slate-700">En attente de profils : l&apos;analyse s&apos;affichera dès qu&apos;un élève aura envoyé son profil.</p>
      </section>
    );
  }
  const levels = analysis.competences[0]?.countsByLevel.length ?? 0;
  const tableId = "niveaux-par-competence";
  return (
    <section aria-labelledby="analysis-title" className="space-y-5">
      <h2 id="analysis-title" className="text-xl font-bold">Analyse des profils ({analysis.receivedCount})</h2>
      <p className="text-slate-700">Pour chacune des 16 compétences, le nombre d&apos;élèves à chaque niveau d&apos;après les profils reçus (le dernier envoi de chaque élève).</p>
      <ProfileReadingKey />
      <LevelDistributionChart
        receivedCount={analysis.receivedCount}
        tableId={tableId}
        competences={analysis.competences.map((c) => ({ id: c.id, index: c.index, name: c.name, areaColor: c.area.color, countsByLevel: c.countsByLevel }))}
      />
      <TableScroll label="Niveaux par compétence">
        <table id={tableId} className="w-full text-left text-sm">
          <caption className="p-4 text-left text-lg font-bold">Niveaux par compétence</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">Compétence</th>
              {Array.from({ length: levels }, (_, level) => <th key={level} scope="col" className="px-3 py-2 text-right whitespace-nowrap">Niveau {level}</th>)}
              <th scope="col" className="px-3 py-2 text-right whitespace-nowrap">Niveau moyen</th>
              <th scope="col" className="px-3 py-2 text-right whitespace-nowrap">Pix moyen</th>
            </tr>
          </thead>
          <tbody>
            {analysis.competences.map((c) => (
              <tr key={c.id} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="min-w-56 px-3 py-2 font-normal" style={{ borderLeft: `4px solid ${c.area.color}` }}>{c.index} {c.name}</th>
                {c.countsByLevel.map((count, level) => (
                  <td key={level} className="px-3 py-2 text-right whitespace-nowrap">
                    {count} <span className="text-xs text-slate-600">({masteryPercent(count, analysis.receivedCount)} %)</span>
                  </td>
                ))}
                <td className="px-3 py-2 text-right font-semibold">{c.averageLevel === null ? "—" : decimal.format(c.averageLevel)}</td>
                <td className="px-3 py-2 text-right">{c.averagePix === null ? "—" : decimal.format(c.averagePix)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
