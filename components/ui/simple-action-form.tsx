"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/run-action";
import { fieldLabel, primaryButton, textInput } from "./button-styles";

export type FieldSpec = { name: string; label: string; type?: string; autoComplete?: string; help?: string; defaultValue?: string };

/**
 * A form of a few fields posting to a server action: field errors next to their field, the result
 * announced politely, the submit button disabled while pending. Once done, the form is replaced by its message.
 */
export function SimpleActionForm({ action, fields, hidden = {}, submitLabel, doneExtra }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; fields: FieldSpec[]; hidden?: Record<string, string>; submitLabel: string; doneExtra?: React.ReactNode }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  if (state.ok) {
    return (
      <div role="status" className="space-y-3 rounded-lg bg-green-50 p-4 font-medium text-green-900">
        <p>{state.message}</p>
        {doneExtra}
      </div>
    );
  }
  return (
    <form key={JSON.stringify(state.values ?? {})} action={formAction} className="space-y-4" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => {
        const error = state.fieldErrors?.[f.name];
        const describedBy = [f.help ? `${f.name}-help` : "", error ? `${f.name}-error` : ""].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.name}>
            <label htmlFor={f.name} className={fieldLabel}>
              {f.label}
            </label>
            {f.help && (
              <p id={`${f.name}-help`} className="mb-1 text-sm text-slate-600">
                {f.help}
              </p>
            )}
            <input id={f.name} name={f.name} type={f.type ?? "text"} autoComplete={f.autoComplete} defaultValue={state.values?.[f.name] ?? f.defaultValue} className={textInput} aria-invalid={Boolean(error)} aria-describedby={describedBy} />
            {error && (
              <p id={`${f.name}-error`} className="mt-1 text-sm font-medium text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? "Un instant…" : submitLabel}
      </button>
      <p role="alert" className="min-h-5 text-sm font-medium text-red-700">
        {state.fieldErrors ? "" : state.message}
      </p>
    </form>
  );
}
