"use client";

import { useActionState } from "react";
import { signUpWithInvitationAction } from "@/lib/actions/invitation-actions";
import { primaryButton } from "@/components/ui/button-styles";
import { SignUpFields } from "@/components/ui/sign-up-fields";

/** « Je m'inscris » from an invitation: the server creates the account, signs it in and opens Pix Orga. */
export function SignUpWithInvitation({ invitationId, code, email }: { invitationId: number; code: string; email: string }) {
  const [state, action, pending] = useActionState(signUpWithInvitationAction, { ok: false });
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="invitationId" value={invitationId} />
      <input type="hidden" name="code" value={code} />
      <SignUpFields key={JSON.stringify(state.values ?? {})} errors={state.fieldErrors} defaultEmail={email} values={state.values} />
      <button type="submit" className={`${primaryButton} w-full`} disabled={pending || state.ok}>
        {pending ? "Création du compte…" : "Je m'inscris"}
      </button>
      <p role="status" aria-live="polite" className={`text-sm font-medium ${state.ok ? "text-green-800" : "text-red-700"}`}>
        {state.message}
      </p>
    </form>
  );
}
