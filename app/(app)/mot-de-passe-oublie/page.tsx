import type { Metadata } from "next";
import { SimpleActionForm } from "@/components/ui/simple-action-form";
import { requestPasswordResetAction } from "@/lib/actions/account-actions";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgottenPasswordPage() {
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Mot de passe oublié</h1>
      <p className="text-slate-800">Saisissez l&apos;adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
      <p className="text-sm text-slate-600">Vous vous connectez avec un identifiant (sans e-mail) ? Demandez à votre enseignant de réinitialiser votre mot de passe.</p>
      <p className="text-sm text-slate-600">Enseignant ? Votre compte Pix Orga est un compte Pix : le nouveau mot de passe servira aussi pour Pix Orga.</p>
      <SimpleActionForm action={requestPasswordResetAction} submitLabel="Recevoir le lien" fields={[{ name: "email", label: "Adresse e-mail", type: "email", autoComplete: "email" }]} />
    </section>
  );
}
