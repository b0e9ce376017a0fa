"use client";

import { useActionState, useState } from "react";
import { createCampaignAction } from "@/lib/actions/campaign-actions";
import { fieldLabel, primaryButton, textInput } from "@/components/ui/button-styles";
import { useLiveFieldErrors } from "@/components/ui/use-live-field-errors";
import { LANDING_TEXT_MAX, TITLE_MAX } from "@/lib/domain/campaigns/campaign-form";
import { PARCOURS_CATEGORY_LABELS, byCategoryOrder } from "@/lib/domain/learning-content/parcours-categories";
import { EngineSettingsFields } from "./engine-settings-fields";

type Profile = { id: string; name: string; category: string; description: string };
type Prefill = Partial<Record<"name" | "type" | "targetProfileId" | "title" | "landingText" | "externalIdLabel" | "externalIdType" | "multipleSendings" | "assessmentMethod" | "precisionTarget", string>>;

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {message}
    </p>
  );
}

/** "Création d'une campagne", with the seed's words and French errors announced to screen readers. */
export function CampaignForm({ profiles, members, currentUserId, prefill }: { profiles: Profile[]; members: { id: number; name: string }[]; currentUserId: number; prefill: Prefill }) {
  const [state, action, pending] = useActionState(createCampaignAction, { ok: false });
  const values = { ...prefill, ...state.values } as Record<string, string | undefined>;
  const [type, setType] = useState(values.type ?? "ASSESSMENT");
  const [profileId, setProfileId] = useState(values.targetProfileId ?? "");
  const [askExternalId, setAskExternalId] = useState(values.askExternalId ?? (values.externalIdLabel ? "yes" : "no"));
  const { errors, onEdit, hasErrorsLeft } = useLiveFieldErrors(state.fieldErrors);
  const describedBy = (name: string, help?: boolean) => [help ? `${name}-help` : "", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  const categories = [...new Set(profiles.map((p) => p.category))].sort(byCategoryOrder);
  const selected = profiles.find((p) => p.id === profileId);

  return (
    <form key={JSON.stringify(state.values ?? {})} action={action} onChange={onEdit} className="space-y-6" noValidate>
      <div role="alert" className="text-sm font-semibold text-red-700">
        {state.fieldErrors && !hasErrorsLeft ? "" : state.message}
      </div>
      <div>
        <label htmlFor="name" className={fieldLabel}>Nom de la campagne</label>
        <p id="name-help" className="mb-1 text-sm text-slate-600">Nom de la campagne affiché dans Pix Orga.</p>
        <input id="name" name="name" defaultValue={values.name} className={textInput} aria-invalid={Boolean(errors.name)} aria-describedby={describedBy("name", true)} />
        <FieldError id="name-error" message={errors.name} />
      </div>

      <fieldset aria-describedby={describedBy("type")}>
        <legend className={fieldLabel}>Quel est l&apos;objectif de votre campagne ?</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" name="type" value="ASSESSMENT" checked={type === "ASSESSMENT"} onChange={() => setType("ASSESSMENT")} /> Évaluer les participants
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="type" value="PROFILES_COLLECTION" checked={type === "PROFILES_COLLECTION"} onChange={() => setType("PROFILES_COLLECTION")} /> Collecter les profils Pix des participants
          </label>
        </div>
        <FieldError id="type-error" message={errors.type} />
      </fieldset>

      {type === "ASSESSMENT" && (
        <div>
          <label htmlFor="targetProfileId" className={fieldLabel}>Que souhaitez-vous tester ?</label>
          <p id="targetProfileId-help" className="mb-1 text-sm text-slate-600">Sélectionnez un parcours prédéfini ou bien une des 16 compétences.</p>
          <select id="targetProfileId" name="targetProfileId" value={profileId} onChange={(e) => setProfileId(e.target.value)} className={textInput} aria-invalid={Boolean(errors.targetProfileId)} aria-describedby={describedBy("targetProfileId", true)}>
            <option value="">— Choisir un parcours —</option>
            {categories.map((category) => (
              <optgroup key={category} label={PARCOURS_CATEGORY_LABELS[category] ?? category}>
                {profiles.filter((p) => p.category === category).map((p) => (
                  <option key={p.id} value={p.id}>{p.name}</option>
                ))}
              </optgroup>
            ))}
          </select>
          {selected && <p className="mt-2 rounded-lg bg-brand-50 p-3 text-sm text-slate-800" aria-live="polite">{selected.description}</p>}
          <p className="mt-2 text-sm italic text-slate-700">
            Si vous souhaitez avoir plus d&apos;information, consulter{" "}
            <a href={selected ? `/parcours/${selected.id}` : "/parcours"} target="_blank" rel="noopener noreferrer" className="font-semibold text-brand-700 underline">
              la documentation correspondante<span className="sr-only">{selected ? ` du parcours ${selected.name}` : " des parcours"} (nouvelle fenêtre)</span>
            </a>
            .
          </p>
          <FieldError id="targetProfileId-error" message={errors.targetProfileId} />
        </div>
      )}

      <fieldset>
        <legend className={fieldLabel}>Souhaitez-vous demander un identifiant externe ?</legend>
        <p className="mb-2 text-sm text-slate-600">Par exemple un numéro d&apos;élève. N&apos;y mettez jamais de données sensibles.</p>
        <div className="flex gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" name="askExternalId" value="no" checked={askExternalId === "no"} onChange={() => setAskExternalId("no")} /> Non
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="askExternalId" value="yes" checked={askExternalId === "yes"} onChange={() => setAskExternalId("yes")} /> Oui
          </label>
        </div>
        {askExternalId === "yes" && (
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="externalIdLabel" className={fieldLabel}>Libellé de l&apos;identifiant</label>
              <input id="externalIdLabel" name="externalIdLabel" defaultValue={values.externalIdLabel} className={textInput} aria-invalid={Boolean(errors.externalIdLabel)} aria-describedby={describedBy("externalIdLabel")} />
              <FieldError id="externalIdLabel-error" message={errors.externalIdLabel} />
            </div>
            <div>
              <label htmlFor="externalIdType" className={fieldLabel}>Type de l&apos;identifiant</label>
              <select id="externalIdType" name="externalIdType" defaultValue={values.externalIdType ?? "STRING"} className={textInput}>
                <option value="STRING">Texte</option>
                <option value="EMAIL">Adresse e-mail</option>
              </select>
            </div>
          </div>
        )}
      </fieldset>

      {type === "ASSESSMENT" && (
        <div>
          <label htmlFor="title" className={fieldLabel}>Titre du parcours</label>
          <p id="title-help" className="mb-1 text-sm text-slate-600">Titre affiché aux élèves ({TITLE_MAX} caractères au plus).</p>
          <input id="title" name="title" maxLength={TITLE_MAX} defaultValue={values.title} className={textInput} aria-invalid={Boolean(errors.title)} aria-describedby={describedBy("title", true)} />
          <FieldError id="title-error" message={errors.title} />
        </div>
      )}

      <div>
        <label htmlFor="landingText" className={fieldLabel}>Texte de la page d&apos;accueil</label>
        <p id="landingText-help" className="mb-1 text-sm text-slate-600">
          Texte à destination des élèves (facultatif, {LANDING_TEXT_MAX} caractères au plus). Mise en forme simple possible : **gras**, listes, liens.
        </p>
        <textarea id="landingText" name="landingText" rows={5} maxLength={LANDING_TEXT_MAX} defaultValue={values.landingText} className={textInput} aria-invalid={Boolean(errors.landingText)} aria-describedby={describedBy("landingText", true)} />
        <FieldError id="landingText-error" message={errors.landingText} />
      </div>

      <div>
        <label htmlFor="ownerId" className={fieldLabel}>Propriétaire de la campagne</label>
        <select id="ownerId" name="ownerId" defaultValue={values.ownerId ?? String(currentUserId)} className={textInput} aria-invalid={Boolean(errors.ownerId)} aria-describedby={describedBy("ownerId")}>
          {members.map((m) => (
            <option key={m.id} value={m.id}>{m.name}{m.id === currentUserId ? " (moi)" : ""}</option>
          ))}
        </select>
        <FieldError id="ownerId-error" message={errors.ownerId} />
      </div>

      <fieldset>
        <legend className={fieldLabel}>Envoi multiple</legend>
        <p className="mb-2 text-sm text-slate-600">Avec « Oui », un élève peut repasser le parcours et renvoyer ses résultats.</p>
        <div className="flex gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" name="multipleSendings" value="no" defaultChecked={values.multipleSendings !== "yes"} /> Non
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="multipleSendings" value="yes" defaultChecked={values.multipleSendings === "yes"} /> Oui
          </label>
        </div>
      </fieldset>

      {type === "ASSESSMENT" && <EngineSettingsFields method={values.assessmentMethod} target={values.precisionTarget} errors={errors} />}

      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? "Création…" : "Créer la campagne"}
      </button>
    </form>
  );
}
