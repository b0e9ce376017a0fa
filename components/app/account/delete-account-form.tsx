"use client";

import { useActionState } from "react";
import { deleteMyAccountAction } from "@/lib/actions/privacy-actions";
import type { ActionState } from "@/lib/actions/run-action";
import { dangerButton, fieldLabel, textInput } from "@/components/ui/button-styles";
import { CONFIRMATION_WORD } from "@/lib/domain/privacy/account-deletion";

const initial: ActionState = { ok: false };

/** « Supprimer mon compte »: confirmed by the password, or by typing SUPPRIMER when the account has none (GAR). */
export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action, pending] = useActionState(deleteMyAccountAction, initial);
  const field = hasPassword ? "password" : "confirmation";
  const error = state.fieldErrors?.[field];
  return (
    <form action={action} noValidate className="space-y-3">
      <div>
        <label htmlFor={field} className={fieldLabel}>
          {hasPassword ? "Mot de passe actuel" : `Tapez ${CONFIRMATION_WORD} pour confirmer`}
        </label>
        <input id={field} name={field} type={hasPassword ? "password" : "text"} autoComplete={hasPassword ? "current-password" : "off"} className={textInput}
          aria-invalid={Boolean(error)} aria-describedby={error ? `${field}-error` : undefined} />
        {error && <p id={`${field}-error`} className="mt-1 text-sm font-medium text-red-700">{error}</p>}
      </div>
      <button type="submit" className={dangerButton} disabled={pending}>{pending ? "Suppression…" : "Supprimer mon compte"}</button>
      <p role="alert" className="min-h-5 text-sm font-medium text-red-700">{state.fieldErrors ? "" : state.message}</p>
    </form>
  );
}
