"use client";

import { useActionState } from "react";
import { retryAction } from "@/lib/actions/pupil-actions";
import { secondaryButton } from "@/components/ui/button-styles";

export function RetryButton({ code }: { code: string }) {
  const [state, action, pending] = useActionState(retryAction, { ok: false });
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="code" value={code} />
      <p className="text-sm text-slate-700">Envie de progresser ? Vous pouvez repasser le parcours : seules les questions ratées seront posées de nouveau.</p>
      <button type="submit" className={secondaryButton} disabled={pending}>Repasser mon parcours</button>
      <p role="alert" className="text-sm font-medium text-red-700">{state.message}</p>
    </form>
  );
}
