"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export const SELECTION_FORM_ID = "learners-selection";

type SheetAction = "ADD_USERNAME" | "RESET_PASSWORD";

function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallback;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Tout sélectionner" for the checkboxes of the current page. */
export function SelectAllLearners() {
  return (
    <input
      type="checkbox"
      aria-label="Sélectionner tous les élèves de la page"
      onChange={(event) => {
        const form = document.getElementById(SELECTION_FORM_ID) as HTMLFormElement | null;
        // form.elements also holds the checkboxes attached with form="…" from inside the table.
        for (const element of Array.from(form?.elements ?? [])) {
          if (element instanceof HTMLInputElement && element.name === "learnerId") element.checked = event.currentTarget.checked;
        }
      }}
    />
  );
}

/**
 * Bulk actions on the selected pupils: the credentials sheet (CSV) comes from a POST route handler, is downloaded,
 * and the list is refreshed to show the new usernames.
 */
export function SelectionActions() {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: SheetAction) {
    const form = document.getElementById(SELECTION_FORM_ID) as HTMLFormElement | null;
    if (!form) return;
    const data = new FormData(form);
    if (data.getAll("learnerId").length === 0) {
      setMessage({ ok: false, text: "Sélectionnez au moins un élève." });
      return;
    }
    data.set("action", action);
    startTransition(async () => {
      const response = await fetch("/api/eleves/identifiants", { method: "POST", body: data });
      if (!response.ok) {
        setMessage({ ok: false, text: await response.text() });
        return;
      }
      const done = Number(response.headers.get("x-credentials-count") ?? 0);
      const skipped = Number(response.headers.get("x-skipped-count") ?? 0);
      download(await response.blob(), fileNameOf(response, "identifiants-eleves.csv"));
      setMessage({ ok: true, text: `Fiche téléchargée : ${done} élève${done > 1 ? "s" : ""}${skipped ? `, ${skipped} ignoré${skipped > 1 ? "s" : ""} (sans compte, ou non concerné${skipped > 1 ? "s" : ""})` : ""}.` });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg bg-slate-100 p-3 text-sm">
      <span className="font-semibold">Pour les élèves sélectionnés :</span>
      <button type="button" disabled={pending} onClick={() => run("ADD_USERNAME")} className="rounded border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-50">Générer les identifiants</button>
      <button type="button" disabled={pending} onClick={() => run("RESET_PASSWORD")} className="rounded border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-50">Réinitialiser les mots de passe</button>
      <span role="status" aria-live="polite" className={message?.ok ? "text-green-800" : "text-red-700"}>{pending ? "Préparation de la fiche…" : message?.text}</span>
    </div>
  );
}
