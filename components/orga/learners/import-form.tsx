"use client";

import { useActionState } from "react";
import { importLearnersAction, type ImportState } from "@/lib/actions/roster-actions";
import { fieldLabel, primaryButton } from "@/components/ui/button-styles";
import { ImportReportView } from "./import-report";

const initial: ImportState = { ok: false };

/** "Importer" the SIECLE export (BEE_ELEVES XML, zipped or not, or the CSV variant); the report follows. */
export function ImportForm() {
  const [state, action, pending] = useActionState(importLearnersAction, initial);
  const fileError = state.fieldErrors?.file;
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="roster-file" className={fieldLabel}>Fichier SIECLE</label>
          <p id="roster-file-help" className="mb-1 text-sm text-slate-600">Export « BEE_ELEVES » en XML ou zip, ou fichier CSV ; 20 Mo au plus.</p>
          <input id="roster-file" name="file" type="file" accept=".xml,.zip,.csv,text/xml,application/zip,text/csv" required
            className="block text-sm file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:font-semibold"
            aria-invalid={Boolean(fileError)} aria-describedby={["roster-file-help", fileError ? "roster-file-error" : ""].filter(Boolean).join(" ")} />
          {fileError && <p id="roster-file-error" className="mt-1 text-sm font-medium text-red-700">{fileError}</p>}
        </div>
        <button type="submit" className={primaryButton} disabled={pending}>{pending ? "Import en cours…" : "Importer"}</button>
      </form>
      <div role="status" aria-live="polite">
        {state.report ? <ImportReportView report={state.report} /> : !state.ok && state.message && !fileError ? <p className="font-medium text-red-700">{state.message}</p> : null}
      </div>
    </div>
  );
}
