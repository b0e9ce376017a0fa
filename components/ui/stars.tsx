/** Stars of the stage reached, with the text for screen readers. */
export function Stars({ reached, total }: { reached: number; total: number }) {
  return (
    <span role="img" aria-label={`${reached} étoile${reached > 1 ? "s" : ""} sur ${total}`} className="text-2xl tracking-wider">
      {Array.from({ length: total }, (_, i) => (
        <span key={i} aria-hidden="true" className={i < reached ? "text-amber-500" : "text-slate-300"}>★</span>
      ))}
    </span>
  );
}
