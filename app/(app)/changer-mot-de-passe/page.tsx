import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { safeAppPath } from "@/lib/urls";
import { primaryButton } from "@/components/ui/button-styles";
import { PasswordChangeForm } from "./password-change-form";

export const metadata: Metadata = { title: "Changer de mot de passe" };

/** After a one-time password given by a teacher: the layouts send the pupil here until they choose their own. */
export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ retour?: string }> }) {
  const session = await getSession();
  if (session === null) redirect("/connexion");
  const retour = safeAppPath((await searchParams).retour, "/");
  if (!session.mustChangePassword) {
    // A plain link (full page load), not a redirect: a layout rendered before the change must not send the pupil back here.
    return (
      <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold">Votre mot de passe est à jour</h1>
        <a href={retour} className={primaryButton}>Continuer</a>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Choisissez votre mot de passe</h1>
      <p>Vous vous êtes connecté(e) avec un mot de passe à usage unique donné par votre enseignant. Pour continuer, choisissez votre propre mot de passe.</p>
      <PasswordChangeForm retour={retour} />
    </section>
  );
}
