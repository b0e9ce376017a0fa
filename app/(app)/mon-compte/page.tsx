import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SimpleActionForm } from "@/components/ui/simple-action-form";
import { LogoutEverywhereButton } from "@/components/ui/logout-button";
import { secondaryButton } from "@/components/ui/button-styles";
import { changePasswordAction } from "@/lib/actions/account-actions";
import { getSessionUserId } from "@/lib/auth/session";
import { PASSWORD_RULE_TEXT } from "@/lib/domain/accounts/password-policy";

export const metadata: Metadata = { title: "Mon compte" };

export default async function AccountPage() {
  if ((await getSessionUserId()) === null) redirect("/connexion?retour=/mon-compte");
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Mon compte</h1>
      <h2 className="text-lg font-bold">Changer de mot de passe</h2>
      <SimpleActionForm
        action={changePasswordAction}
        submitLabel="Changer le mot de passe"
        fields={[
          { name: "currentPassword", label: "Mot de passe actuel", type: "password", autoComplete: "current-password" },
          { name: "newPassword", label: "Nouveau mot de passe", type: "password", autoComplete: "new-password", help: PASSWORD_RULE_TEXT },
        ]}
      />
      <h2 className="text-lg font-bold">Mes sessions</h2>
      <p>Un appareil perdu, un ordinateur partagé ? Fermez toutes les sessions ouvertes avec votre compte, celle-ci comprise.</p>
      <LogoutEverywhereButton callbackUrl="/connexion" className={secondaryButton} />
    </section>
  );
}
