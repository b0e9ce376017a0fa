"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { answerAction } from "@/lib/actions/pupil-actions";
import { primaryButton, secondaryButton, textInput } from "@/components/ui/button-styles";
import { frenchTypography } from "@/lib/domain/typography/french-typography";
import type { PublicChallenge } from "@/lib/domain/learning-content/public-challenge";

/** One question: radios (QCU), checkboxes (QCM) or fields (QROC/QROCM); "Je valide" and "Je passe". */
export function ChallengeForm({ code, challenge, instruction, secondsLeft }: { code: string; challenge: PublicChallenge; instruction: React.ReactNode; secondsLeft: number | null }) {
  const [state, action, pending] = useActionState(answerAction, { ok: false });
  const [left, setLeft] = useState(secondsLeft);
  const formRef = useRef<HTMLFormElement>(null);
  const timedOutRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (left === null) return;
    if (left <= 0) {
      if (timedOutRef.current) timedOutRef.current.value = "1";
      formRef.current?.requestSubmit();
      return;
    }
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  const isChoice = challenge.type === "QCU" || challenge.type === "QCM";
  return (
    <form ref={formRef} action={action} className="space-y-5">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="challengeId" value={challenge.id} />
      <input type="hidden" name="kind" value={isChoice ? "choices" : "fields"} />
      <input ref={timedOutRef} type="hidden" name="timedOut" value="0" />
      {left !== null && (
        <p role="timer" aria-live={left <= 10 ? "assertive" : "off"} className={`rounded-lg px-3 py-2 font-mono text-lg font-bold ${left <= 10 ? "bg-red-100 text-red-800" : "bg-amber-50 text-amber-900"}`}>
          Temps restant : {Math.floor(Math.max(0, left) / 60)}:{String(Math.max(0, left) % 60).padStart(2, "0")}
        </p>
      )}
      <div className="space-y-3 text-lg">{instruction}</div>
      {challenge.illustration && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={challenge.illustration.url} alt={challenge.illustration.alt} className="max-h-96 w-auto max-w-full rounded-lg border border-slate-200" />
      )}
      {challenge.attachments.length > 0 && (
        <ul className="space-y-1">
          {challenge.attachments.map((a) => (
            <li key={a.url}>
              <a href={a.url} download className="font-semibold text-brand-700 underline">Télécharger le fichier : {a.name}</a>
            </li>
          ))}
        </ul>
      )}
      {isChoice ? (
        <fieldset>
          <legend className="mb-2 font-semibold">{challenge.type === "QCU" ? "Sélectionnez une seule réponse." : "Sélectionnez une ou plusieurs réponses."}</legend>
          <div className="space-y-2">
            {/* Proposals arrive in this pupil's order; the value is the displayed position, mapped back on the server. */}
            {challenge.proposals.map((proposal, i) => (
              <label key={i} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 hover:border-brand-600 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type={challenge.type === "QCU" ? "radio" : "checkbox"} name="choice" value={i + 1} className="mt-1 h-5 w-5" />
                <span>{frenchTypography(proposal)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <div className="space-y-3">
          {challenge.fields.map((f) => (
            <div key={f.key}>
              <label htmlFor={`field-${f.key}`} className="mb-1 block font-medium">{frenchTypography(f.label)}</label>
              <input id={`field-${f.key}`} name={`field:${f.key}`} placeholder={f.placeholder} autoComplete="off" className={textInput} inputMode={challenge.format === "nombre" ? "decimal" : undefined} />
            </div>
          ))}
        </div>
      )}
      <p role="alert" className="min-h-5 text-sm font-medium text-red-700">{state.message}</p>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="answer" className={primaryButton} disabled={pending}>Je valide</button>
        <button type="submit" name="intent" value="skip" className={secondaryButton} disabled={pending}>Je passe</button>
      </div>
    </form>
  );
}
