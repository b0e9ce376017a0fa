/** One colour per level, from "not yet" (grey) to the highest level open today (dark). */
export const LEVEL_COLOURS = ["bg-slate-200", "bg-indigo-200", "bg-indigo-300", "bg-indigo-500", "bg-indigo-700", "bg-indigo-900"];

export type CompetenceLevels = { id: string; index: string; name: string; areaColor: string; countsByLevel: number[] };

/**
 * « Répartition des niveaux par compétence »: one stacked bar per competence (share of the profiles at each level).
 * Drawn in HTML, without JavaScript; hidden from screen readers, who read the table that follows it (same figures).
 */
export function LevelDistributionChart({ competences, receivedCount, tableId }: { competences: CompetenceLevels[]; receivedCount: number; tableId: string }) {
  const levels = competences[0]?.countsByLevel.length ?? 0;
  return (
    <figure className="space-y-3 rounded-xl bg-white p-5 shadow-sm">
      <figcaption>
        <span className="block font-bold">Répartition des niveaux par compétence</span>
        <span className="text-sm text-slate-700">
          Part des {receivedCount} profils à chaque niveau. Les mêmes chiffres sont dans <a href={`#${tableId}`} className="text-brand-700 underline">le tableau des niveaux</a>.
        </span>
      </figcaption>
      <div aria-hidden="true" className="space-y-2">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {Array.from({ length: levels }, (_, level) => (
            <li key={level} className="flex items-center gap-1"><span className={`inline-block h-3 w-3 rounded-sm ${LEVEL_COLOURS[level] ?? LEVEL_COLOURS.at(-1)}`} />Niveau {level}</li>
          ))}
        </ul>
        {competences.map((c) => (
          <div key={c.id} className="grid grid-cols-[3rem_1fr] items-center gap-2 text-xs sm:grid-cols-[16rem_1fr]">
            <span className="truncate pl-1" title={`${c.index} ${c.name}`} style={{ borderLeft: `4px solid ${c.areaColor}` }}>
              <span className="font-semibold">{c.index}</span><span className="hidden sm:inline"> {c.name}</span>
            </span>
            <span className="flex h-4 overflow-hidden rounded-sm bg-slate-100">
              {c.countsByLevel.map((count, level) =>
                count > 0 && receivedCount > 0 ? <span key={level} className={LEVEL_COLOURS[level] ?? LEVEL_COLOURS.at(-1)} style={{ width: `${(count / receivedCount) * 100}%` }} /> : null,
              )}
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}
