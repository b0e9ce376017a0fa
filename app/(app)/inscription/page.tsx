import type { Metadata } from "next";
import Link from "next/link";
import { PupilSignUpForm } from "@/components/app/sign-up-form";
import { safeAppPath } from "@/lib/urls";

export const metadata: Metadata = { title: "Inscription" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ retour?: string }> }) {
  const redirectTo = safeAppPath((await searchParams).retour, "/");
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Je m&apos;inscris</h1>
      <PupilSignUpForm redirectTo={redirectTo} />
      <p className="text-sm">Déjà un compte ? <Link href={`/connexion?retour=${encodeURIComponent(redirectTo)}`} className="font-semibold text-brand-700 underline">Je me connecte</Link></p>
    </section>
  );
}
