"use client";

import { useActionState } from "react";
import { reconcileLearnerAction, type JoinState } from "@/lib/actions/roster-actions";
import { primaryButton } from "@/components/ui/button-styles";
import { IdentityForm } from "./identity-fields";

const initial: JoinState = { ok: false };

/** A signed-in pupil says who they are, once, to join the campaigns of their school. */
export function ReconciliationForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState(reconcileLearnerAction, initial);
  return <IdentityForm code={code} action={action} state={state} pending={pending} submitLabel="Je rejoins le parcours" buttonClass={primaryButton} />;
}
