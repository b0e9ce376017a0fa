"use client";

import { useActionState } from "react";
import { signUpPupilAction } from "@/lib/actions/pupil-actions";
import { primaryButton } from "@/components/ui/button-styles";
import { SignUpFields } from "@/components/ui/sign-up-fields";

/** « Je m'inscris »: the server creates the account, signs it in and goes on to `redirectTo` (no JavaScript needed). */
export function PupilSignUpForm({ redirectTo }: { redirectTo: string }) {
  const [state, action, pending] = useActionState(signUpPupilAction, { ok: false });
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="retour" value={redirectTo} />
      <SignUpFields key={JSON.stringify(state.values ?? {})} errors={state.fieldErrors} values={state.values} />
      <button type="submit" className={`${primaryButton} w-full`} disabled={pending || state.ok}>{pending ? "Création du compte…" : "Je m'inscris"}</button>
      <p role="status" aria-live="polite" className={`text-sm font-medium ${state.ok ? "text-green-800" : "text-red-700"}`}>{state.message}</p>
    </form>
  );
}
