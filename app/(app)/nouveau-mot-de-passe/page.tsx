import type { Metadata } from "next";
import Link from "next/link";
import { SimpleActionForm } from "@/components/ui/simple-action-form";
import { resetPasswordAction } from "@/lib/actions/account-actions";
import { clientAddress } from "@/lib/auth/request-context";
import { PASSWORD_RULE_TEXT } from "@/lib/domain/accounts/password-policy";
import { DomainError } from "@/lib/domain/shared/errors";
import { isResetTokenValid } from "@/lib/use-cases/accounts/password-reset";
import { orgaUrl } from "@/lib/urls";

export const metadata: Metadata = { title: "Nouveau mot de passe" };

export default async function NewPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  let valid = false;
  let message = "Ce lien de réinitialisation n'est plus valide (il sert une seule fois, pendant 1 heure).";
  try {
    valid = token.length > 0 && (await isResetTokenValid({ token, address: await clientAddress() }));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    message = error.message;
  }
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">Choisissez un nouveau mot de passe</h1>
      {valid ? (
        <SimpleActionForm
          action={resetPasswordAction}
          hidden={{ token }}
          submitLabel="Enregistrer le mot de passe"
          fields={[{ name: "password", label: "Nouveau mot de passe", type: "password", autoComplete: "new-password", help: PASSWORD_RULE_TEXT }]}
          doneExtra={
            <span className="flex flex-wrap gap-x-4">
              <Link href="/connexion" className="text-brand-700 underline">Se connecter</Link>
              <a href={orgaUrl("/orga")} className="text-brand-700 underline">Se connecter à Pix Orga</a>
            </span>
          }
        />
      ) : (
        <>
          <p className="text-slate-800">{message}</p>
          <Link href="/mot-de-passe-oublie" className="font-semibold text-brand-700 underline">
            Faire une nouvelle demande
          </Link>
        </>
      )}
    </section>
  );
}
