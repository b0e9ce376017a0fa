"use client";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-lg border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-100 print:hidden">
      Imprimer cette page
    </button>
  );
}
