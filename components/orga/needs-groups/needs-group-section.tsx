import { TutorialLink } from "@/components/app/tutorial-link";
import type { CampaignNeedsGroups } from "@/lib/use-cases/campaigns/campaign-needs-groups";
import { TableScroll } from "@/components/ui/table-scroll";
import { MovePupilForm } from "./move-pupil-form";

type Group = Extract<CampaignNeedsGroups, { ready: true }>["groups"][number];

/**
 * One needs group: its weakest subjects with their tutorials, then its pupils (one printed page per group).
 * `canMove` false: the print version, without the « Changer de groupe » column.
 */
export function NeedsGroupSection({ campaignId, group, groupCount, movedId, canMove = true }: { campaignId: number; group: Group; groupCount: number; movedId: number | null; canMove?: boolean }) {
  const titleId = `groupe-${group.number}-titre`;
  return (
    <section data-needs-group aria-labelledby={titleId} className="space-y-4 rounded-xl bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={titleId} className="text-lg font-bold">
          Groupe {group.number} — {group.pupils.length} élève{group.pupils.length > 1 ? "s" : ""}
        </h3>
        <p className="text-slate-700">Maîtrise moyenne du groupe : {group.meanMasteryPercent} %</p>
      </div>
      <div>
        <h4 className="font-semibold">Sujets à travailler</h4>
        {group.subjects.length === 0 ? (
          <p className="text-slate-700">{group.pupils.length === 0 ? "Aucun élève dans ce groupe pour l'instant." : "Ce groupe maîtrise tous les sujets du parcours."}</p>
        ) : (
          <ol className="mt-2 space-y-3">
            {group.subjects.map((s) => (
              <li key={s.tubeId} style={{ borderLeft: `4px solid ${s.areaColor}`, paddingLeft: 8 }}>
                <p>
                  <span className="font-semibold">{s.title}</span> — maîtrise du groupe : {s.masteryPercent} %
                </p>
                <p className="text-sm text-slate-600">
                  {s.competenceName} · {s.description}
                </p>
                {s.tutorials.length > 0 && (
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                    {s.tutorials.map((t) => (
                      <li key={t.id}>
                        <TutorialLink tutorial={t} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
      {group.pupils.length > 0 && (
        <TableScroll label={`Élèves du groupe ${group.number}`} className="">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Élèves du groupe {group.number}</caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-3">Nom</th>
              <th scope="col" className="py-2 pr-3">Prénom</th>
              <th scope="col" className="py-2 pr-3">Classe</th>
              {canMove && <th scope="col" className="py-2 print:hidden">Changer de groupe</th>}
            </tr>
          </thead>
          <tbody>
            {group.pupils.map((p) => (
              <tr key={p.participationId} id={`eleve-${p.participationId}`} className={`border-b border-slate-100 last:border-0 ${movedId === p.participationId ? "bg-green-50" : ""}`}>
                <td className="py-2 pr-3 font-medium">
                  {p.lastName}
                  {p.isMoved && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">déplacé par vous</span>}
                </td>
                <td className="py-2 pr-3">{p.firstName}</td>
                <td className="py-2 pr-3">{p.division ?? "—"}</td>
                {canMove && (
                  <td className="py-2 print:hidden">
                    {groupCount > 1 && <MovePupilForm campaignId={campaignId} participationId={p.participationId} pupilName={`${p.firstName} ${p.lastName}`} groupNumber={group.number} groupCount={groupCount} />}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </section>
  );
}
