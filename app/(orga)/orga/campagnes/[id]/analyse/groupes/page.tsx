import type { Metadata } from "next";
import Link from "next/link";
import { NeedsGroupSection } from "@/components/orga/needs-groups/needs-group-section";
import { RecomputeForm } from "@/components/orga/needs-groups/recompute-form";
import { BROWSER_PRINT_HINT } from "@/components/ui/browser-print-hint";
import { PrintButton } from "@/components/ui/print-button";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { campaignNeedsGroups } from "@/lib/use-cases/campaigns/campaign-needs-groups";

/** The tab's own title (RGAA 8.6: every page names itself; the campaign's name is in the page's heading). */
export const metadata: Metadata = { title: "Groupes de besoins — Analyse" };

type SearchParams = Promise<{ recalculer?: string; recalcule?: string; deplace?: string; impression?: string }>;

/** « Groupes de besoins » (Analyse): pupils grouped by the subjects they must work, for the teacher to arrange and print. */
export default async function NeedsGroupsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const campaign = await campaignForPage((await params).id);
  const query = await searchParams;
  const base = `/orga/campagnes/${campaign.id}/analyse/groupes`;
  const back = (
    <Link href={`/orga/campagnes/${campaign.id}/analyse`} className="font-semibold text-brand-700 underline print:hidden">
      ← Retour à l&apos;analyse
    </Link>
  );
  if (campaign.type !== "ASSESSMENT") {
    return (
      <section aria-labelledby="groups-title" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
        <h2 id="groups-title" className="text-xl font-bold">Groupes de besoins</h2>
        <p className="text-slate-700">Les groupes de besoins se forment à partir des résultats d&apos;une campagne d&apos;évaluation : une collecte de profils n&apos;en a pas.</p>
        {back}
      </section>
    );
  }
  const groups = await campaignNeedsGroups(campaign.id);
  if (!groups.ready) {
    return (
      <section aria-labelledby="groups-title" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
        <h2 id="groups-title" className="text-xl font-bold">Groupes de besoins</h2>
        <p className="text-slate-700">
          Les groupes de besoins s&apos;afficheront dès que {groups.minimum} participants auront envoyé leurs résultats ({groups.received} reçu{groups.received > 1 ? "s" : ""} pour l&apos;instant).
        </p>
        {back}
      </section>
    );
  }
  // `?impression=1`: the print version, where « Imprimer cette page » leads without JavaScript (print-button.tsx): the
  // groups alone, one per printed page, and how to print them with the browser.
  const isPrintVersion = query.impression === "1";
  const movedId = isPrintVersion ? null : Number(query.deplace) || null;
  const moved = movedId === null ? null : groups.groups.flatMap((g) => g.pupils.map((p) => ({ ...p, group: g.number }))).find((p) => p.participationId === movedId);
  return (
    <div data-sheet className="space-y-6">
      <link rel="stylesheet" href="/print/needs-groups.css" precedence="default" />
      <link rel="stylesheet" href="/print/sheet.css" precedence="default" />
      <section aria-labelledby="groups-title" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="groups-title" className="text-xl font-bold">Groupes de besoins ({groups.groupCount})</h2>
          {back}
        </div>
        <p className="text-slate-700">
          Les {groups.received} élèves dont les résultats sont reçus sont répartis en {groups.groupCount} groupe{groups.groupCount > 1 ? "s" : ""} selon leur maîtrise de chaque sujet, pour que chaque groupe partage les sujets qu&apos;il doit travailler ; les mêmes résultats donnent toujours les mêmes groupes.{" "}
          {groups.isChosenByTeacher ? "Le nombre de groupes reste celui que vous avez choisi ou arrangé, jusqu'au prochain recalcul." : "Le nombre de groupes est celui qui sépare le mieux les élèves."}
        </p>
        <p className="font-medium">{groups.separation}</p>
        {groups.receivedSinceArranged > 0 && (
          <p className="rounded bg-amber-50 p-2 text-amber-900">
            {groups.receivedSinceArranged === 1 ? "1 résultat est arrivé" : `${groups.receivedSinceArranged} résultats sont arrivés`} depuis votre dernière modification des groupes : les groupes ont été formés de nouveau avec {groups.receivedSinceArranged === 1 ? "lui" : "eux"}, et des élèves que vous n&apos;avez pas déplacés ont pu changer de groupe. Les élèves que vous avez déplacés restent où vous les avez mis. Vérifiez les groupes avant de les imprimer.
          </p>
        )}
        {isPrintVersion && (
          <div className="space-y-2 rounded bg-brand-50 p-3 print:hidden">
            <p className="font-semibold">Version à imprimer : une page par groupe.</p>
            <p>{BROWSER_PRINT_HINT}</p>
            <Link href={base} className="font-semibold text-brand-700 underline">
              ← Retour aux groupes
            </Link>
          </div>
        )}
        {!isPrintVersion && query.recalcule === "1" && <p role="status" className="rounded bg-green-50 p-2 text-green-900 print:hidden">Les groupes ont été recalculés.</p>}
        {moved && <p role="status" className="rounded bg-green-50 p-2 text-green-900 print:hidden">{moved.firstName} {moved.lastName} est maintenant dans le groupe {moved.group}.</p>}
        {!isPrintVersion && (
          <div className="flex flex-wrap gap-3 print:hidden">
            <a href={`/api/campagnes/${campaign.id}/groupes`} className="rounded-lg border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-100">
              Exporter les groupes (.csv)
            </a>
            <PrintButton printHref={`${base}?impression=1`} />
            {query.recalculer !== "1" && (
              <Link href={`${base}?recalculer=1`} className="rounded-lg border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-100">
                Recalculer les groupes
              </Link>
            )}
          </div>
        )}
        {!isPrintVersion && query.recalculer === "1" && (
          <RecomputeForm
            campaignId={campaign.id}
            automaticGroupCount={groups.automaticGroupCount}
            maxGroupCount={groups.maxGroupCount}
            current={groups.isChosenByTeacher ? groups.groupCount : "auto"}
            movedCount={groups.movedCount}
            cancelHref={base}
          />
        )}
      </section>
      {groups.groups.map((group) => (
        <NeedsGroupSection key={group.number} campaignId={campaign.id} group={group} groupCount={groups.groupCount} movedId={movedId} canMove={!isPrintVersion} />
      ))}
    </div>
  );
}
