"use client";

import { useActionState } from "react";
import { enterCodeAction } from "@/lib/actions/pupil-actions";
import { primaryButton } from "@/components/ui/button-styles";

export function CodeForm() {
  const [state, action, pending] = useActionState(enterCodeAction, { ok: false });
  const error = state.fieldErrors?.code ?? state.message;
  return (
    <form key={JSON.stringify(state.values ?? {})} action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor="code" className="mb-1 block text-lg font-semibold">Saisissez votre code</label>
        <p id="code-help" className="mb-2 text-sm text-slate-600">Ce code est composé de 9 chiffres et/ou lettres, par exemple ABCDEF234.</p>
        <input
          id="code"
          name="code"
          defaultValue={state.values?.code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          className="block w-full rounded-lg border border-slate-400 px-3 py-3 font-mono text-2xl uppercase tracking-widest"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "code-help code-error" : "code-help"}
        />
        <p id="code-error" role="alert" className="mt-2 min-h-5 text-sm font-medium text-red-700">{error}</p>
      </div>
      <button type="submit" className={`${primaryButton} w-full`} disabled={pending}>{pending ? "Vérification…" : "Accéder au parcours"}</button>
    </form>
  );
}
