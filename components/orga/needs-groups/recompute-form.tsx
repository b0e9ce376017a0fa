"use client";

import Link from "next/link";
import { useActionState } from "react";
import { recomputeNeedsGroupsAction } from "@/lib/actions/needs-groups-actions";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";

/**
 * The confirmation of « Recalculer les groupes » (shown by the link ?recalculer=1, so it needs no JavaScript):
 * the number of groups to make, what will be lost, confirm or cancel.
 */
export function RecomputeForm({ campaignId, automaticGroupCount, maxGroupCount, current, movedCount, cancelHref }: { campaignId: number; automaticGroupCount: number; maxGroupCount: number; current: number | "auto"; movedCount: number; cancelHref: string }) {
  const [state, formAction, pending] = useActionState(recomputeNeedsGroupsAction, { ok: false });
  return (
    <form action={formAction} aria-labelledby="recompute-title" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 print:hidden">
      <h3 id="recompute-title" className="font-bold">Recalculer les groupes</h3>
      <input type="hidden" name="campaignId" value={campaignId} />
      <div>
        <label htmlFor="groupCount" className="mb-1 block font-medium">Nombre de groupes</label>
        <select id="groupCount" name="groupCount" defaultValue={String(current)} className="rounded border border-slate-400 bg-white px-2 py-1">
          <option value="auto">Selon les résultats ({automaticGroupCount} groupes)</option>
          {Array.from({ length: Math.max(0, maxGroupCount - 1) }, (_, i) => i + 2).map((n) => (
            <option key={n} value={n}>
              {n} groupes
            </option>
          ))}
        </select>
      </div>
      <p>
        {movedCount > 0
          ? `Les élèves seront répartis à nouveau : ${movedCount === 1 ? "le déplacement que vous avez fait sera perdu" : `les ${movedCount} déplacements que vous avez faits seront perdus`}.`
          : "Les élèves seront répartis à nouveau d'après leurs résultats."}
      </p>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? "Un instant…" : "Confirmer le recalcul"}
        </button>
        <Link href={cancelHref} className={secondaryButton}>Annuler</Link>
      </div>
      {state.message && <p role="alert" className="font-medium text-red-700">{state.message}</p>}
    </form>
  );
}
