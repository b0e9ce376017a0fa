import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Compte supprimé" };

/** Where « Supprimer mon compte » lands, signed out. Says what was erased and what the schools keep. */
export default function AccountDeletedPage() {
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Votre compte a été supprimé</h1>
      <p>Votre nom, votre identifiant, votre adresse e-mail et votre mot de passe ont été effacés. Vos établissements gardent leurs statistiques, sans lien avec votre compte.</p>
      <p>
        <Link href="/" className="text-brand-700 underline">Retour à l&apos;accueil</Link>
      </p>
    </section>
  );
}
