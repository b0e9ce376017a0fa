"use client";

import { useActionState, useEffect, useRef } from "react";
import { inviteMembersAction } from "@/lib/actions/team-actions";
import { fieldLabel, primaryButton, textInput } from "@/components/ui/button-styles";

export function InviteForm() {
  const [state, action, pending] = useActionState(inviteMembersAction, { ok: false });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  const emailError = state.fieldErrors?.emails;
  return (
    <form key={JSON.stringify(state.values ?? {})} ref={formRef} action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor="emails" className={fieldLabel}>
          Adresse(s) e-mail
        </label>
        <p id="emails-help" className="mb-2 text-sm text-slate-600">
          Une ou plusieurs adresses, séparées par des virgules ou une par ligne.
        </p>
        <textarea
          id="emails"
          name="emails"
          rows={3}
          defaultValue={state.values?.emails}
          className={textInput}
          aria-invalid={Boolean(emailError)}
          aria-describedby={emailError ? "emails-help emails-error" : "emails-help"}
        />
        {emailError && (
          <p id="emails-error" className="mt-1 text-sm font-medium text-red-700">
            {emailError}
          </p>
        )}
      </div>
      <fieldset>
        <legend className={fieldLabel}>Rôle</legend>
        <div className="flex gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="MEMBER" defaultChecked={state.values?.role !== "ADMIN"} /> Membre
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="ADMIN" defaultChecked={state.values?.role === "ADMIN"} /> Administrateur
          </label>
        </div>
      </fieldset>
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? "Envoi…" : "Inviter"}
      </button>
      <p role="status" aria-live="polite" className={`text-sm font-medium ${state.ok ? "text-green-800" : "text-red-700"}`}>
        {state.ok ? state.message : emailError ? "" : state.message}
      </p>
    </form>
  );
}
