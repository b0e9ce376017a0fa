"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/actions/run-action";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  label: string;
  /** When set, a first click asks for confirmation with this question. */
  confirm?: string;
  confirmLabel?: string;
  className?: string;
  children?: React.ReactNode;
};

/**
 * A small form posting to a server action, with an optional inline confirmation step and its
 * result announced to screen readers. The button is disabled while pending (no double submission).
 */
export function ActionForm({ action, hidden, label, confirm, confirmLabel, className, children }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [asking, setAsking] = useState(false);
  const button = className ?? "rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100";
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2" onSubmit={() => setAsking(false)}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {confirm && !asking ? (
        <button type="button" className={button} onClick={() => setAsking(true)}>
          {label}
        </button>
      ) : (
        <>
          {confirm && <span className="text-sm font-medium">{confirm}</span>}
          <button type="submit" className={button} disabled={pending}>
            {confirm ? (confirmLabel ?? "Confirmer") : label}
          </button>
          {confirm && (
            <button type="button" className="text-sm underline" onClick={() => setAsking(false)}>
              Annuler
            </button>
          )}
        </>
      )}
      <span role="status" aria-live="polite" className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
        {state.message}
      </span>
    </form>
  );
}
