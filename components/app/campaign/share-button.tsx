"use client";

import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { shareResultsAction } from "@/lib/actions/pupil-actions";
import { primaryButton } from "@/components/ui/button-styles";

export function ShareButton({ code, label }: { code: string; label: string }) {
  const [state, action, pending] = useActionState(shareResultsAction, { ok: false });
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="code" value={code} />
      <button type="submit" className={primaryButton} disabled={pending || state.ok}>{pending ? "Envoi…" : label}</button>
      <p role="alert" className="text-sm font-medium text-red-700">{state.ok ? "" : state.message}</p>
    </form>
  );
}
