"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const FAILED =
  "Ce lien de connexion a expiré ou a déjà servi. Reconnectez-vous depuis le Médiacentre de votre ENT.";

/** Exchanges the single-use token minted after the GAR sign-in for a session, then opens "J'ai un code". */
export function SsoSignIn({ token, redirectTo }: { token: string; redirectTo: string }) {
  const router = useRouter();
  const [error, setError] = useState(token ? "" : FAILED);
  // The token works once: never send it twice (React runs effects twice in development).
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    signIn("sso-token", { token, redirect: false })
      .then((result) => {
        if (!result || result.error) {
          setError(FAILED);
          return;
        }
        router.replace(redirectTo);
        router.refresh();
      })
      .catch(() => setError("La connexion a échoué. Vérifiez votre réseau, puis reconnectez-vous depuis le Médiacentre."));
  }, [token, redirectTo, router]);

  return (
    <div className="space-y-4">
      <p role="status" aria-live="polite" className="text-slate-800">
        {error ? "" : "Connexion en cours…"}
      </p>
      {error && (
        <>
          <p role="alert" className="font-medium text-red-700">{error}</p>
          <p>
            <Link href="/connexion" className="font-semibold text-brand-700 underline">Se connecter autrement</Link>
          </p>
        </>
      )}
    </div>
  );
}
