"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * « Imprimer cette page »: the browser's print dialog. Without JavaScript a button could do nothing, so a page that
 * gives `printHref` (its own print version, which says to use the browser's Imprimer) gets a plain link instead until
 * the script runs: the server renders the link, the hydrated page the button.
 */
export function PrintButton({ printHref }: { printHref?: string }) {
  const hasScript = useSyncExternalStore(noSubscription, () => true, () => false);
  const className = "rounded-lg border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-100 print:hidden";
  if (printHref && !hasScript) {
    return (
      <a href={printHref} className={className}>
        Imprimer cette page
      </a>
    );
  }
  return (
    <button type="button" onClick={() => window.print()} className={className}>
      Imprimer cette page
    </button>
  );
}
