export type LearnersQuery = { classe: string; recherche: string; page: number };

export function learnersHref(query: LearnersQuery, change: Partial<LearnersQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.classe) params.set("classe", next.classe);
  if (next.recherche) params.set("recherche", next.recherche);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `/orga/eleves?${text}` : "/orga/eleves";
}

/** Class filter and search on the name (a GET form: the filters live in the address, shareable and bookmarkable). */
export function LearnerFilters({ divisions, query }: { divisions: string[]; query: LearnersQuery }) {
  return (
    <form role="search" action="/orga/eleves" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="classe" className="mb-1 block text-sm font-medium">Classe</label>
        <select id="classe" name="classe" defaultValue={query.classe} className="rounded-lg border border-slate-400 bg-white px-3 py-2">
          <option value="">Toutes les classes</option>
          {divisions.map((division) => <option key={division} value={division}>{division}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="recherche" className="mb-1 block text-sm font-medium">Rechercher un élève</label>
        <input id="recherche" name="recherche" type="search" defaultValue={query.recherche} className="w-64 rounded-lg border border-slate-400 px-3 py-2" />
      </div>
      <button type="submit" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100">Filtrer</button>
    </form>
  );
}
