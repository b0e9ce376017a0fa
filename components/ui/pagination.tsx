import Link from "next/link";

/** "Page n sur N" with the previous / next links of a server-rendered list (nothing when one page). */
export function Pagination({ page, pages, total, hrefOf }: { page: number; pages: number; total?: string; hrefOf: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
      <span>
        Page {page} sur {pages}
        {total ? ` — ${total}` : ""}
      </span>
      <span className="flex gap-3">
        {page > 1 && <Link href={hrefOf(page - 1)} className="font-semibold text-brand-700 underline">Page précédente</Link>}
        {page < pages && <Link href={hrefOf(page + 1)} className="font-semibold text-brand-700 underline">Page suivante</Link>}
      </span>
    </nav>
  );
}
