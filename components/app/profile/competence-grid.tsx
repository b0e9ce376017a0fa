import { areaColours } from "@/lib/domain/branding/area-palette";

type Area = { code: string; name: string; color: string; competences: { id: string; index: string; name: string; level: number; pix: number; progressInLevel: number }[] };

/** The 16 competences by area: level, pix and the progress towards the next level. */
export function CompetenceGrid({ areas }: { areas: Area[] }) {
  return (
    <div className="space-y-6">
      {areas.map((area) => {
        // The palette's text colour (≥ 4.5:1 on white and on its tint) writes the heading; the accent marks shapes.
        const colours = areaColours(area.code, area.color);
        return (
        <section key={area.code} aria-labelledby={`area-${area.code}`}>
          <h2 id={`area-${area.code}`} className="mb-3 flex items-center gap-2 text-sm font-bold uppercase tracking-wide" style={{ color: colours.text }}>
            <span aria-hidden="true" className="inline-flex h-6 min-w-6 items-center justify-center rounded-md px-1.5" style={{ backgroundColor: colours.tint, boxShadow: `inset 0 0 0 2px ${colours.accent}` }}>{area.code}</span>{" "}
            <span><span className="sr-only">Domaine {area.code} : </span>{area.name}</span>
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {area.competences.map((c) => (
              <li key={c.id} className="rounded-xl border-t-4 bg-white p-4 shadow-sm" style={{ borderTopColor: colours.accent }}>
                <p className="font-semibold">{c.index} {c.name}</p>
                <p className="mt-2 text-sm text-slate-700">Niveau {c.level} · {c.pix} pix</p>
                <div className="mt-2 h-2 rounded-full bg-slate-200" role="progressbar" aria-label={`Progression vers le niveau ${c.level + 1}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(c.progressInLevel * 100)}>
                  <div className="h-2 rounded-full" style={{ width: `${c.progressInLevel * 100}%`, backgroundColor: colours.accent }} />
                </div>
              </li>
            ))}
          </ul>
        </section>
        );
      })}
    </div>
  );
}
