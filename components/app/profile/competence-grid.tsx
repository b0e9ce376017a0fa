type Area = { code: string; name: string; color: string; competences: { id: string; index: string; name: string; level: number; pix: number; progressInLevel: number }[] };

/** The 16 competences by area: level, pix and the progress towards the next level. */
export function CompetenceGrid({ areas }: { areas: Area[] }) {
  return (
    <div className="space-y-6">
      {areas.map((area) => (
        <section key={area.code} aria-labelledby={`area-${area.code}`}>
          {/* The area's colour marks the heading; the text stays dark (some area colours are under 4.5:1 on white). */}
          <h2 id={`area-${area.code}`} className="mb-3 border-l-4 pl-2 text-sm font-bold uppercase tracking-wide text-slate-800" style={{ borderLeftColor: area.color }}>
            {area.code}. {area.name}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {area.competences.map((c) => (
              <li key={c.id} className="rounded-xl border-t-4 bg-white p-4 shadow-sm" style={{ borderTopColor: area.color }}>
                <p className="font-semibold">{c.index} {c.name}</p>
                <p className="mt-2 text-sm text-slate-700">Niveau {c.level} · {c.pix} pix</p>
                <div className="mt-2 h-2 rounded-full bg-slate-200" role="progressbar" aria-label={`Progression vers le niveau ${c.level + 1}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(c.progressInLevel * 100)}>
                  <div className="h-2 rounded-full" style={{ width: `${c.progressInLevel * 100}%`, backgroundColor: area.color }} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
