"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/run-action";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  /** Opens the confirmation. */
  label: string;
  /** Said to screen readers after the label (e.g. the pupil's name), so that each row's button is distinct. */
  labelSuffix?: string;
  /** The question asked before acting. */
  confirm: string;
  confirmLabel: string;
  isDanger?: boolean;
};

/**
 * An action that asks for a confirmation, with or without JavaScript: a disclosure (<details>) opens the form that
 * holds the question and the confirm button, posted to a server action (progressive enhancement). The result is
 * announced politely; the button is disabled while pending (no double submission).
 */
export function ConfirmActionForm({ action, hidden, label, labelSuffix, confirm, confirmLabel, isDanger = false }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const confirmClass = isDanger
    ? "rounded bg-red-700 px-3 py-1 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
    : "rounded border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60";
  return (
    <div className="text-sm">
      <details>
        <summary className={`cursor-pointer font-medium underline ${isDanger ? "text-red-800" : "text-brand-700"}`}>
          {label}
          {labelSuffix && <span className="sr-only"> {labelSuffix}</span>}
        </summary>
        <form action={formAction} className="mt-2 flex max-w-xs flex-col items-start gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p>{confirm}</p>
          <button type="submit" className={confirmClass} disabled={pending}>
            {pending ? "Un instant…" : confirmLabel}
          </button>
        </form>
      </details>
      <p role="status" aria-live="polite" className={`mt-1 ${state.ok ? "text-green-800" : "text-red-700"}`}>
        {state.message}
      </p>
    </div>
  );
}
