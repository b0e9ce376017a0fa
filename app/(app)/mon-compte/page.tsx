import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DeleteAccountForm } from "@/components/app/account/delete-account-form";
import { secondaryButton } from "@/components/ui/button-styles";
import { LogoutEverywhereButton } from "@/components/ui/logout-button";
import { SimpleActionForm } from "@/components/ui/simple-action-form";
import { changePasswordAction } from "@/lib/actions/account-actions";
import { getSessionUserId } from "@/lib/auth/session";
import { findDeletableAccount } from "@/lib/db/repositories/account-privacy-repository";
import { PASSWORD_RULE_TEXT } from "@/lib/domain/accounts/password-policy";
import { deletionRefusal } from "@/lib/domain/privacy/account-deletion";

export const metadata: Metadata = { title: "Mon compte" };

export default async function AccountPage() {
  const userId = await getSessionUserId();
  if (userId === null) redirect("/connexion?retour=/mon-compte");
  const account = await findDeletableAccount(userId);
  if (!account || account.isAnonymised) redirect("/connexion?retour=/mon-compte");
  const refusal = deletionRefusal(account);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Mon compte</h1>
      {account.hasPassword && (
        <section aria-labelledby="password-title" className="space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
          <h2 id="password-title" className="text-lg font-bold">Changer de mot de passe</h2>
          <SimpleActionForm
            action={changePasswordAction}
            submitLabel="Changer le mot de passe"
            fields={[
              { name: "currentPassword", label: "Mot de passe actuel", type: "password", autoComplete: "current-password" },
              { name: "newPassword", label: "Nouveau mot de passe", type: "password", autoComplete: "new-password", help: PASSWORD_RULE_TEXT },
            ]}
          />
        </section>
      )}
      <section aria-labelledby="sessions-title" className="space-y-3 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
        <h2 id="sessions-title" className="text-lg font-bold">Mes sessions</h2>
        <p>Un appareil perdu, un ordinateur partagé ? Fermez toutes les sessions ouvertes avec votre compte, celle-ci comprise.</p>
        <LogoutEverywhereButton callbackUrl="/connexion" className={secondaryButton} />
      </section>
      <section aria-labelledby="data-title" className="space-y-3 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
        <h2 id="data-title" className="text-lg font-bold">Mes données</h2>
        <p>Téléchargez tout ce que Pix Libre conserve sur vous : votre compte, vos rattachements aux établissements, vos participations, vos réponses et vos acquis (fichier JSON).</p>
        <form method="post" action="/api/mon-compte/donnees">
          <button type="submit" className={secondaryButton}>Télécharger mes données</button>
        </form>
      </section>
      <section aria-labelledby="delete-title" className="space-y-3 rounded-2xl border border-red-200 bg-white p-6 shadow-sm sm:p-8">
        <h2 id="delete-title" className="text-lg font-bold">Supprimer mon compte</h2>
        <p>
          Votre compte sera supprimé définitivement : votre nom, votre identifiant, votre adresse e-mail et votre mot de passe sont effacés, et vous ne
          pourrez plus vous connecter. Vos établissements gardent leurs statistiques et leur liste d&apos;élèves, sans lien avec votre compte.
        </p>
        {refusal ? <p className="rounded-lg bg-amber-50 p-3 font-medium text-amber-900">{refusal}</p> : <DeleteAccountForm hasPassword={account.hasPassword} />}
      </section>
    </div>
  );
}
