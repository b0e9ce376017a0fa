/** max-w-full: a select is as wide as its longest option (« 3 étoiles – très bonne maîtrise »), never wider than the screen. */
const control = "max-w-full rounded-lg border border-slate-400 px-3 py-2";

/** A labelled select of a GET filter form ("Statut", "Classe", "Palier"…), with its "all" option first. */
export function FilterSelect({ name, label, allLabel, value, options }: { name: string; label: string; allLabel: string; value: string | undefined; options: { value: string; label: string }[] }) {
  return (
    <div className="max-w-full">
      <label htmlFor={name} className="mb-1 block text-sm font-medium">{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""} className={control}>
        <option value="">{allLabel}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function SearchField({ value, label = "Rechercher un participant" }: { value: string | undefined; label?: string }) {
  return (
    <div className="max-w-full">
      <label htmlFor="recherche" className="mb-1 block text-sm font-medium">{label}</label>
      <input id="recherche" name="recherche" type="search" defaultValue={value} className={control} />
    </div>
  );
}
