"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { fieldLabel, primaryButton, textInput } from "./button-styles";

function messageFor(error: string | undefined | null): string {
  if (!error) return "";
  const blocked = /^BLOCKED:(\d+)$/.exec(error);
  if (blocked) {
    const minutes = Number(blocked[1]);
    return `Trop de tentatives : votre compte est bloqué pendant ${minutes} minute${minutes > 1 ? "s" : ""}. Réessayez plus tard.`;
  }
  return "L'adresse e-mail ou l'identifiant et/ou le mot de passe saisis sont incorrects.";
}

/** Login with an e-mail or a username and a password; on success goes to `redirectTo`. */
export function LoginForm({ redirectTo, loginLabel = "Adresse e-mail ou identifiant" }: { redirectTo: string; loginLabel?: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  // Unique ids: a page may hold this form next to a sign-up form with the same field names.
  const id = useId();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const login = String(form.get("login") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!login || !password) {
      setError("Veuillez saisir votre identifiant et votre mot de passe.");
      return;
    }
    setError("");
    startTransition(async () => {
      const result = await signIn("credentials", { login, password, redirect: false });
      if (!result || result.error) {
        setError(result ? messageFor(result.error) : "La connexion a échoué. Vérifiez votre réseau et réessayez.");
        return;
      }
      router.replace(redirectTo);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div>
        <label htmlFor={`${id}-login`} className={fieldLabel}>
          {loginLabel}
        </label>
        <input id={`${id}-login`} name="login" type="text" autoComplete="username" className={textInput} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} />
      </div>
      <div>
        <label htmlFor={`${id}-password`} className={fieldLabel}>
          Mot de passe
        </label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" className={textInput} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} />
      </div>
      <p id={`${id}-error`} role="alert" aria-live="assertive" className="min-h-6 text-sm font-medium text-red-700">
        {error}
      </p>
      <button type="submit" className={`${primaryButton} w-full`} disabled={pending}>
        {pending ? "Connexion…" : "Je me connecte"}
      </button>
    </form>
  );
}
