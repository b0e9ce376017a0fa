/**
 * A table wider than the screen scrolls inside this box, never the page (a phone is 390 px wide). The box is a named,
 * focusable region so that a keyboard user can scroll it with the arrow keys. It is positioned: the absolutely placed
 * text inside it (screen-reader-only labels, tooltips) is measured against it, not against the page. A long table
 * also scrolls vertically inside it, under its sticky header row (`.table-scroll` in app/globals.css; printed whole).
 */
export function TableScroll({ label, children, className = "rounded-xl bg-white shadow-sm" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`table-scroll relative max-w-full overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
