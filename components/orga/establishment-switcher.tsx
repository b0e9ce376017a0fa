import { switchEstablishment } from "@/lib/actions/switch-establishment";

type Item = { id: number; name: string; uai: string | null };

/** Shows the current establishment; a teacher of several establishments switches here. */
export function EstablishmentSwitcher({ current, others }: { current: Item; others: Item[] }) {
  const label = (e: Item) => (e.uai ? `${e.name} (${e.uai})` : e.name);
  if (others.length === 0) {
    return <p className="text-sm font-medium text-slate-700">{label(current)}</p>;
  }
  return (
    <form action={switchEstablishment} className="flex items-center gap-2 text-sm">
      <label htmlFor="establishment" className="sr-only">
        Établissement
      </label>
      <select id="establishment" name="establishmentId" defaultValue={current.id} className="rounded border border-slate-400 bg-white px-2 py-1">
        {[current, ...others].map((e) => (
          <option key={e.id} value={e.id}>
            {label(e)}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-slate-300 px-2 py-1 font-medium hover:bg-slate-100">
        Changer
      </button>
    </form>
  );
}
