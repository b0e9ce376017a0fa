"use client";

import { useActionState, useId } from "react";
import { signInAction } from "@/lib/actions/session-actions";
import type { ActionState } from "@/lib/actions/run-action";
import { fieldLabel, primaryButton, textInput } from "./button-styles";

const initial: ActionState = { ok: false };

/**
 * Login with an e-mail or a username and a password; on success the server goes on to `redirectTo`.
 * A POST to a server action: it works before (or without) the page's JavaScript, and never puts the password in a URL.
 */
export function LoginForm({ redirectTo, loginLabel = "Adresse e-mail ou identifiant" }: { redirectTo: string; loginLabel?: string }) {
  const [state, formAction, pending] = useActionState(signInAction, initial);
  // Unique ids: a page may hold this form next to a sign-up form with the same field names.
  const id = useId();
  const error = state.message ?? "";
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="retour" value={redirectTo} />
      <div>
        <label htmlFor={`${id}-login`} className={fieldLabel}>
          {loginLabel}
        </label>
        <input id={`${id}-login`} name="login" type="text" autoComplete="username" defaultValue={state.values?.login} className={textInput} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} />
      </div>
      <div>
        <label htmlFor={`${id}-password`} className={fieldLabel}>
          Mot de passe
        </label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" className={textInput} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} />
      </div>
      <p id={`${id}-error`} role="alert" aria-live="assertive" className="min-h-6 text-sm font-medium text-red-700">
        {error}
      </p>
      <button type="submit" className={`${primaryButton} w-full`} disabled={pending}>
        {pending ? "Connexion…" : "Je me connecte"}
      </button>
    </form>
  );
}
