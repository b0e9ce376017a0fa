"use client";

import { useActionState } from "react";
import { updateCampaignAction } from "@/lib/actions/campaign-actions";
import { fieldLabel, primaryButton, textInput } from "@/components/ui/button-styles";
import { useLiveFieldErrors } from "@/components/ui/use-live-field-errors";
import { LANDING_TEXT_MAX, TITLE_MAX } from "@/lib/domain/campaigns/campaign-form";
import { EngineSettingsFields } from "./engine-settings-fields";

type Values = { name: string; title: string; landingText: string; ownerId: string; assessmentMethod: string; precisionTarget: string };

export function CampaignEditForm({ campaignId, isAssessment, members, initial }: { campaignId: number; isAssessment: boolean; members: { id: number; name: string }[]; initial: Values }) {
  const [state, action, pending] = useActionState(updateCampaignAction, { ok: false });
  const values = { ...initial, ...state.values };
  const { errors, onEdit, hasErrorsLeft } = useLiveFieldErrors(state.fieldErrors);
  const input = (name: keyof Values, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div>
      <label htmlFor={name} className={fieldLabel}>{label}</label>
      <input id={name} name={name} defaultValue={values[name]} className={textInput} aria-invalid={Boolean(errors[name])} aria-describedby={errors[name] ? `${name}-error` : undefined} {...extra} />
      {errors[name] && <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">{errors[name]}</p>}
    </div>
  );
  return (
    <form key={JSON.stringify(state.values ?? {})} action={action} onChange={onEdit} className="space-y-5" noValidate>
      <input type="hidden" name="campaignId" value={campaignId} />
      <div role="alert" className="text-sm font-semibold text-red-700">{state.fieldErrors && !hasErrorsLeft ? "" : state.message}</div>
      {input("name", "Nom de la campagne")}
      {isAssessment && input("title", "Titre du parcours", { maxLength: TITLE_MAX })}
      <div>
        <label htmlFor="landingText" className={fieldLabel}>Texte de la page d&apos;accueil</label>
        <textarea id="landingText" name="landingText" rows={5} maxLength={LANDING_TEXT_MAX} defaultValue={values.landingText} className={textInput} aria-invalid={Boolean(errors.landingText)} aria-describedby={errors.landingText ? "landingText-error" : undefined} />
        {errors.landingText && <p id="landingText-error" className="mt-1 text-sm font-medium text-red-700">{errors.landingText}</p>}
      </div>
      <div>
        <label htmlFor="ownerId" className={fieldLabel}>Propriétaire de la campagne</label>
        <select id="ownerId" name="ownerId" defaultValue={values.ownerId} className={textInput}>
          {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          {!members.some((m) => String(m.id) === values.ownerId) && <option value={values.ownerId}>Équipe Pix</option>}
        </select>
        {errors.ownerId && <p className="mt-1 text-sm font-medium text-red-700">{errors.ownerId}</p>}
      </div>
      {isAssessment && <EngineSettingsFields method={values.assessmentMethod} target={values.precisionTarget} errors={errors} editing />}
      <button type="submit" className={primaryButton} disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer"}</button>
    </form>
  );
}
