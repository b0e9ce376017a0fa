"use client";

import { useActionState } from "react";
import { changeRequiredPasswordAction } from "@/lib/actions/roster-actions";
import { fieldLabel, primaryButton, textInput } from "@/components/ui/button-styles";
import { PASSWORD_RULE_TEXT } from "@/lib/domain/accounts/password-policy";

const FIELDS = [
  { name: "password", label: "Nouveau mot de passe", help: PASSWORD_RULE_TEXT },
  { name: "confirmation", label: "Confirmation du mot de passe" },
] as const;

/** Once the password is changed, the server goes on to `retour` (with or without JavaScript). */
export function PasswordChangeForm({ retour }: { retour: string }) {
  const [state, action, pending] = useActionState(changeRequiredPasswordAction, { ok: false });
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="retour" value={retour} />
      {FIELDS.map((field) => {
        const error = state.fieldErrors?.[field.name];
        const describedBy = ["help" in field ? `${field.name}-help` : "", error ? `${field.name}-error` : ""].filter(Boolean).join(" ") || undefined;
        return (
          <div key={field.name}>
            <label htmlFor={field.name} className={fieldLabel}>{field.label}</label>
            {"help" in field && <p id={`${field.name}-help`} className="mb-1 text-sm text-slate-600">{field.help}</p>}
            <input id={field.name} name={field.name} type="password" autoComplete="new-password" className={textInput} aria-invalid={Boolean(error)} aria-describedby={describedBy} />
            {error && <p id={`${field.name}-error`} className="mt-1 text-sm font-medium text-red-700">{error}</p>}
          </div>
        );
      })}
      <button type="submit" className={primaryButton} disabled={pending || state.ok}>{pending ? "Un instant…" : "Je change mon mot de passe"}</button>
      <p role="status" aria-live="polite" className={`min-h-5 text-sm font-medium ${state.ok ? "text-green-800" : "text-red-700"}`}>{state.fieldErrors ? "" : state.message}</p>
    </form>
  );
}
