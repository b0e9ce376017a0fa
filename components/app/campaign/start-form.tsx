"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { startCampaignAction } from "@/lib/actions/pupil-actions";
import { fieldLabel, primaryButton, textInput } from "@/components/ui/button-styles";
import { RECONCILIATION_REQUIRED_MESSAGE } from "@/lib/use-cases/roster/reconciliation-messages";

/** "C'est parti !", preceded by the external id when the campaign asks for one ("Avant de commencer"). */
export function StartForm({ code, externalIdLabel, externalIdType, label }: { code: string; externalIdLabel: string | null; externalIdType: string | null; label: string }) {
  const [state, action, pending] = useActionState(startCampaignAction, { ok: false });
  const error = state.fieldErrors?.externalId;
  const router = useRouter();
  // Restricted campaign: the pupil is not linked to the school's roster yet (RECONCILIATION_REQUIRED).
  useEffect(() => {
    if (state.message === RECONCILIATION_REQUIRED_MESSAGE) router.push(`/campagnes/${code}/rejoindre`);
  }, [state, router, code]);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="code" value={code} />
      {externalIdLabel && (
        <div>
          <h2 className="mb-2 text-lg font-bold">Avant de commencer</h2>
          <label htmlFor="externalId" className={fieldLabel}>{externalIdLabel}</label>
          <input id="externalId" name="externalId" type={externalIdType === "EMAIL" ? "email" : "text"} defaultValue={state.values?.externalId} maxLength={255} className={textInput} aria-invalid={Boolean(error)} aria-describedby={error ? "externalId-error" : undefined} />
          {error && <p id="externalId-error" className="mt-1 text-sm font-medium text-red-700">{error}</p>}
        </div>
      )}
      <p role="alert" className="text-sm font-medium text-red-700">{error ? "" : state.message}</p>
      <button type="submit" className={`${primaryButton} w-full sm:w-auto`} disabled={pending}>{pending ? "Un instant…" : label}</button>
    </form>
  );
}
