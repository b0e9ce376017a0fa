"use client";

import { useActionState, useState } from "react";
import { previewPupilAccountAction, signUpAndReconcileAction, type JoinState } from "@/lib/actions/roster-actions";
import { fieldLabel, primaryButton, secondaryButton, textInput } from "@/components/ui/button-styles";
import { PASSWORD_RULE_TEXT } from "@/lib/domain/accounts/password-policy";
import { IdentityForm } from "./identity-fields";

const initial: JoinState = { ok: false };
const IDENTITY_KEYS = ["firstName", "lastName", "birthDay", "birthMonth", "birthYear"] as const;

/** Step 2: "Je m'inscris avec : Mon adresse e-mail / Mon identifiant", a password and the terms of use. */
function AccountStep({ code, identity, username, onBack }: { code: string; identity: Record<string, string>; username: string; onBack: () => void }) {
  const [state, action, pending] = useActionState(signUpAndReconcileAction, initial);
  const [method, setMethod] = useState<"email" | "username">(state.values?.method === "username" ? "username" : "email");
  const shownUsername = state.username ?? username;
  const error = (name: string) => state.fieldErrors?.[name];
  // The server signs the new account in and opens the campaign: nothing to do here once it succeeds.
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="username" value={shownUsername} />
      {IDENTITY_KEYS.map((key) => <input key={key} type="hidden" name={key} value={identity[key] ?? ""} />)}
      <p className="rounded-lg bg-green-50 p-3 text-green-900">
        Nous vous avons trouvé(e) dans la liste des élèves : {identity.firstName} {identity.lastName}.{" "}
        <button type="button" onClick={onBack} className="font-semibold underline">Modifier</button>
      </p>
      <fieldset>
        <legend className={fieldLabel}>Je m&apos;inscris avec :</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2"><input type="radio" name="method" value="email" checked={method === "email"} onChange={() => setMethod("email")} /> Mon adresse e-mail</label>
          <label className="flex items-center gap-2"><input type="radio" name="method" value="username" checked={method === "username"} onChange={() => setMethod("username")} /> Mon identifiant</label>
        </div>
      </fieldset>
      {method === "email" ? (
        <div>
          <label htmlFor="email" className={fieldLabel}>Adresse e-mail</label>
          <input id="email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} className={textInput} aria-invalid={Boolean(error("email"))} aria-describedby={error("email") ? "email-error" : undefined} />
          {error("email") && <p id="email-error" className="mt-1 text-sm font-medium text-red-700">{error("email")}</p>}
        </div>
      ) : (
        <div className="rounded-lg bg-brand-50 p-3">
          <p>Votre identifiant : <strong data-testid="generated-username" className="font-mono">{shownUsername}</strong></p>
          <p className="text-sm text-slate-700">Notez-le bien : vous en aurez besoin pour vous connecter.</p>
        </div>
      )}
      <div>
        <label htmlFor="password" className={fieldLabel}>Mot de passe</label>
        <p id="password-help" className="mb-1 text-sm text-slate-600">{PASSWORD_RULE_TEXT}</p>
        <input id="password" name="password" type="password" autoComplete="new-password" className={textInput} aria-invalid={Boolean(error("password"))} aria-describedby={["password-help", error("password") ? "password-error" : ""].filter(Boolean).join(" ")} />
        {error("password") && <p id="password-error" className="mt-1 text-sm font-medium text-red-700">{error("password")}</p>}
      </div>
      <div>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="acceptTerms" className="mt-1" aria-invalid={Boolean(error("acceptTerms"))} aria-describedby={error("acceptTerms") ? "acceptTerms-error" : undefined} />
          <span>J&apos;accepte les <a href="/conditions-utilisation" className="text-brand-700 underline" target="_blank" rel="noopener">conditions d&apos;utilisation</a></span>
        </label>
        {error("acceptTerms") && <p id="acceptTerms-error" className="mt-1 text-sm font-medium text-red-700">{error("acceptTerms")}</p>}
      </div>
      <p role="alert" className="min-h-6 text-sm font-medium text-red-700">{state.ok || state.fieldErrors ? "" : state.message}</p>
      <button type="submit" className={`${primaryButton} w-full sm:w-auto`} disabled={pending || state.ok}>{pending || state.ok ? "Création du compte…" : "Je m'inscris"}</button>
    </form>
  );
}

/** A pupil without an account on a restricted campaign: who they are first, then how they will sign in. */
export function JoinWithoutAccount({ code }: { code: string }) {
  const [state, action, pending] = useActionState(previewPupilAccountAction, initial);
  // "Modifier" goes back to the identity form until it is sent again (which gives a new state).
  const [dismissed, setDismissed] = useState<JoinState | null>(null);
  if (state.ok && state.username && state.values && state !== dismissed) {
    return <AccountStep code={code} identity={state.values} username={state.username} onBack={() => setDismissed(state)} />;
  }
  return <IdentityForm code={code} action={action} state={state} pending={pending} submitLabel="Je m'inscris" buttonClass={secondaryButton} />;
}
