import type { Metadata } from "next";
import Link from "next/link";
import { garRefusalMessage } from "@/lib/saml/refusal-reasons";

export const metadata: Metadata = { title: "Connexion par le Médiacentre refusée" };

/** Every refused GAR arrival ends here with a French explanation (see lib/saml/refusal-reasons). */
export default async function GarErrorPage({ searchParams }: { searchParams: Promise<{ raison?: string }> }) {
  const { raison } = await searchParams;
  return (
    <section className="mx-auto max-w-xl space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Connexion impossible</h1>
      <p role="alert" className="font-medium text-red-700">{garRefusalMessage(typeof raison === "string" ? raison : undefined)}</p>
      <p className="text-slate-700">
        Vous pouvez aussi vous connecter avec votre adresse e-mail ou votre identifiant Pix.
      </p>
      <p>
        <Link href="/connexion" className="font-semibold text-brand-700 underline">Se connecter autrement</Link>
      </p>
    </section>
  );
}
