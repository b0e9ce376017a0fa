"use client";

import { useActionState } from "react";
import { reconcileLearnerAction, type JoinState } from "@/lib/actions/roster-actions";
import { primaryButton } from "@/components/ui/button-styles";
import { IdentityFields } from "./identity-fields";

const initial: JoinState = { ok: false };

/** A signed-in pupil says who they are, once, to join the campaigns of their school. */
export function ReconciliationForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState(reconcileLearnerAction, initial);
  return (
    <form key={JSON.stringify(state.values ?? {})} action={action} noValidate className="space-y-4">
      <input type="hidden" name="code" value={code} />
      <IdentityFields errors={state.fieldErrors} values={state.values} />
      <p role="alert" className="min-h-6 text-sm font-medium text-red-700">{state.fieldErrors ? "" : state.message}</p>
      <button type="submit" className={`${primaryButton} w-full sm:w-auto`} disabled={pending}>{pending ? "Un instant…" : "Je rejoins le parcours"}</button>
    </form>
  );
}
