import Link from "next/link";

/** Too many wrong codes from this visitor: the same answer for real and unknown codes, so it tells nothing. */
export function CodeLookupRefused({ message }: { message: string }) {
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Trop de tentatives</h1>
      <p role="alert" className="rounded-lg bg-amber-50 p-4 font-medium text-amber-900">{message}</p>
      <p><Link href="/connexion" className="font-semibold text-brand-700 underline">Se connecter</Link></p>
    </section>
  );
}
