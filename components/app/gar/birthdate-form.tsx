"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/run-action";
import { fieldLabel, primaryButton } from "@/components/ui/button-styles";

type Props = { token: string; returnTo: string | null; action: (previous: ActionState, formData: FormData) => Promise<ActionState> };

const dateInput = "block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700";
const PARTS = [
  { name: "birthDay", label: "Jour", size: "w-20", max: 2, autoComplete: "bday-day" },
  { name: "birthMonth", label: "Mois", size: "w-20", max: 2, autoComplete: "bday-month" },
  { name: "birthYear", label: "Année", size: "w-28", max: 4, autoComplete: "bday-year" },
] as const;

/** "Date de naissance" (Jour / Mois / Année): the only thing a pupil arriving from the GAR types. */
export function GarBirthdateForm({ token, returnTo, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const error = state.fieldErrors?.birthdate ?? (state.ok ? undefined : state.message);
  return (
    <form key={JSON.stringify(state.values ?? {})} action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {returnTo && <input type="hidden" name="retour" value={returnTo} />}
      <fieldset aria-describedby={["birthdate-help", error ? "birthdate-error" : ""].filter(Boolean).join(" ")}>
        <legend className={fieldLabel}>Date de naissance</legend>
        <p id="birthdate-help" className="mb-1 text-sm text-slate-600">Par exemple : 01 12 2011</p>
        <div className="flex gap-3">
          {PARTS.map((part) => (
            <div key={part.name} className={part.size}>
              <label htmlFor={part.name} className="mb-1 block text-sm text-slate-800">{part.label}</label>
              <input id={part.name} name={part.name} inputMode="numeric" maxLength={part.max} autoComplete={part.autoComplete} defaultValue={state.values?.[part.name]} required className={dateInput} aria-invalid={Boolean(error)} />
            </div>
          ))}
        </div>
      </fieldset>
      <p id="birthdate-error" role="alert" className="min-h-6 text-sm font-medium text-red-700">{error}</p>
      <button type="submit" className={`${primaryButton} w-full sm:w-auto`} disabled={pending}>{pending ? "Un instant…" : "Je me connecte"}</button>
    </form>
  );
}
