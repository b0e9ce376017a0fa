"use client";

import { useSyncExternalStore } from "react";
import { BROWSER_PRINT_HINT } from "./browser-print-hint";

const noSubscription = () => () => {};

/**
 * « Imprimer cette page »: the browser's print dialog. Without JavaScript a button could do nothing, so until the
 * script runs (the server renders this, the hydrated page the button) a page that gives `printHref` (its own print
 * version) gets a plain link to it, and a page that is itself the sheet to print says how to print it.
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
  // A <span>: the button sits inside paragraphs and flex rows.
  if (!hasScript) return <span className="print:hidden">{BROWSER_PRINT_HINT}</span>;
  return (
    <button type="button" onClick={() => window.print()} className={className}>
      Imprimer cette page
    </button>
  );
}
