import Link from "next/link";

/** A 404 of the teacher space: it keeps the Pix Orga header and leads back to the teacher's campaigns, not to the pupils' home. */
export default function OrgaNotFound() {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-xl space-y-3 rounded-2xl bg-white p-6 text-center shadow-sm sm:p-8">
      <h1 id="not-found-title" className="text-2xl font-bold">Page introuvable</h1>
      <p className="text-slate-700">
        Cette page n&apos;existe pas ou vous n&apos;y avez pas accès : l&apos;adresse est peut-être incomplète, la campagne a été supprimée ou
        appartient à un autre établissement.
      </p>
      <Link href="/orga" className="inline-block font-semibold text-brand-700 underline">Retour à l&apos;accueil de Pix Orga</Link>
    </section>
  );
}
