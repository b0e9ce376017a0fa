"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { acceptInvitationAction } from "@/lib/actions/invitation-actions";
import { primaryButton } from "@/components/ui/button-styles";

export function AcceptInvitation({ invitationId, code }: { invitationId: number; code: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, { ok: false });
  const router = useRouter();
  useEffect(() => {
    if (state.ok) {
      router.replace("/orga");
      router.refresh();
    }
  }, [state, router]);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="invitationId" value={invitationId} />
      <input type="hidden" name="code" value={code} />
      <button type="submit" className={primaryButton} disabled={pending || state.ok}>
        {pending ? "Un instant…" : "Accepter l'invitation"}
      </button>
      <p role="status" aria-live="polite" className={`text-sm font-medium ${state.ok ? "text-green-800" : "text-red-700"}`}>
        {state.message}
      </p>
    </form>
  );
}
