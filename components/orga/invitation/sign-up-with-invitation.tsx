"use client";

import { useActionState, useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { signUpWithInvitationAction } from "@/lib/actions/invitation-actions";
import { primaryButton } from "@/components/ui/button-styles";
import { SignUpFields } from "@/components/ui/sign-up-fields";

export function SignUpWithInvitation({ invitationId, code, email }: { invitationId: number; code: string; email: string }) {
  const [state, action, pending] = useActionState(signUpWithInvitationAction, { ok: false });
  const credentials = useRef<{ login: string; password: string } | null>(null);
  const router = useRouter();
  useEffect(() => {
    if (!state.ok || !credentials.current) return;
    void signIn("credentials", { ...credentials.current, redirect: false }).then(() => {
      router.replace("/orga");
      router.refresh();
    });
  }, [state, router]);
  return (
    <form
      action={action}
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        credentials.current = { login: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") };
      }}
    >
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
