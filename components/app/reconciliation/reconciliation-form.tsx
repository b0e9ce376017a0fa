"use client";

import { useActionState } from "react";
import { reconcileLearnerAction, type JoinState } from "@/lib/actions/roster-actions";
import { primaryButton } from "@/components/ui/button-styles";
import { IdentityForm } from "./identity-fields";

const initial: JoinState = { ok: false };

/**
 * A signed-in pupil says who they are, once, to join the campaigns of their school. The names of their account fill
 * the form at first (they typed them when signing up a minute ago): only the birthdate is left to type.
 */
export function ReconciliationForm({ code, accountNames }: { code: string; accountNames?: { firstName: string; lastName: string } }) {
  const [state, action, pending] = useActionState(reconcileLearnerAction, initial);
  const shown = state.values ? state : { ...state, values: accountNames };
  return <IdentityForm code={code} action={action} state={shown} pending={pending} submitLabel="Je rejoins le parcours" buttonClass={primaryButton} />;
}
