import type { Metadata } from "next";
import { SimpleActionForm } from "@/components/ui/simple-action-form";
import { selfActivationAction } from "@/lib/actions/account-actions";

export const metadata: Metadata = { title: "Activez ou récupérez votre espace Pix Orga" };

export default function ActivationPage() {
  return (
    <section className="mx-auto max-w-xl space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Activez ou récupérez votre espace Pix Orga</h1>
      <p className="text-slate-800">
        Vous êtes chef d&apos;établissement ? Saisissez le numéro UAI de votre établissement : un lien d&apos;activation
        sera envoyé à son adresse e-mail de contact. En le suivant, vous deviendrez administrateur de l&apos;espace et
        pourrez inviter les enseignants.
      </p>
      <SimpleActionForm
        action={selfActivationAction}
        submitLabel="Recevoir le lien d'activation"
        fields={[{ name: "uai", label: "Numéro UAI (ex-RNE)", autoComplete: "off", help: "7 chiffres suivis d'une lettre, par exemple 0751234A." }]}
      />
    </section>
  );
}
