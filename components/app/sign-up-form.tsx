"use client";

import { useActionState, useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { signUpPupilAction } from "@/lib/actions/pupil-actions";
import { primaryButton } from "@/components/ui/button-styles";
import { SignUpFields } from "@/components/ui/sign-up-fields";

export function PupilSignUpForm({ redirectTo }: { redirectTo: string }) {
  const [state, action, pending] = useActionState(signUpPupilAction, { ok: false });
  const credentials = useRef<{ login: string; password: string } | null>(null);
  const router = useRouter();
  useEffect(() => {
    if (!state.ok || !credentials.current) return;
    void signIn("credentials", { ...credentials.current, redirect: false }).then(() => {
      router.replace(redirectTo);
      router.refresh();
    });
  }, [state, router, redirectTo]);
  return (
    <form
      action={action}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        credentials.current = { login: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") };
      }}
    >
      <SignUpFields key={JSON.stringify(state.values ?? {})} errors={state.fieldErrors} values={state.values} />
      <button type="submit" className={`${primaryButton} w-full`} disabled={pending || state.ok}>{pending ? "Création du compte…" : "Je m'inscris"}</button>
      <p role="status" aria-live="polite" className={`text-sm font-medium ${state.ok ? "text-green-800" : "text-red-700"}`}>{state.message}</p>
    </form>
  );
}
