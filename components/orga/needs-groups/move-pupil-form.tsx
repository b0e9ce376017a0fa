"use client";

import { useActionState } from "react";
import { moveToNeedsGroupAction } from "@/lib/actions/needs-groups-actions";

/**
 * « Déplacer » one pupil to another group: a plain form (works without JavaScript), the button disabled while the
 * move is sent; success reloads the page at the pupil's row (the action redirects), an error is announced here.
 */
export function MovePupilForm({ campaignId, participationId, pupilName, groupNumber, groupCount }: { campaignId: number; participationId: number; pupilName: string; groupNumber: number; groupCount: number }) {
  const [state, formAction, pending] = useActionState(moveToNeedsGroupAction, { ok: false });
  const selectId = `groupe-${participationId}`;
  const others = Array.from({ length: groupCount }, (_, i) => i + 1).filter((n) => n !== groupNumber);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="participationId" value={participationId} />
      <label htmlFor={selectId} className="sr-only">
        Déplacer {pupilName} vers le groupe
      </label>
      <select id={selectId} name="groupNumber" defaultValue={others[0]} className="rounded border border-slate-400 bg-white px-2 py-1">
        {others.map((n) => (
          <option key={n} value={n}>
            Groupe {n}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="rounded border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60">
        {pending ? "Un instant…" : "Déplacer"}
        <span className="sr-only"> {pupilName}</span>
      </button>
      {state.message && (
        <p role="alert" className="w-full font-medium text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
