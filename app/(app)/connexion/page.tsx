import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "@/components/ui/login-form";
import { safeAppPath } from "@/lib/urls";

export const metadata: Metadata = { title: "Connexion" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ retour?: string; motDePasse?: string }> }) {
  const { retour, motDePasse } = await searchParams;
  return (
    <div className="mx-auto max-w-md rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-6 text-2xl font-bold">Connectez-vous</h1>
      {motDePasse === "modifie" && <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 font-medium text-green-900">Votre mot de passe a été modifié. Vous pouvez vous connecter.</p>}
      <LoginForm redirectTo={safeAppPath(retour, "/")} />
      <p className="mt-4 text-sm">
        <Link href="/mot-de-passe-oublie" className="text-brand-700 underline">Mot de passe oublié ?</Link>
      </p>
      <p className="mt-2 text-sm">
        Pas encore de compte ? <Link href={`/inscription?retour=${encodeURIComponent(safeAppPath(retour, "/"))}`} className="font-semibold text-brand-700 underline">Je m&apos;inscris</Link>
      </p>
    </div>
  );
}
