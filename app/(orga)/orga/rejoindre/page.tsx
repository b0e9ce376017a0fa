import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitation } from "@/components/orga/invitation/accept-invitation";
import { SignUpWithInvitation } from "@/components/orga/invitation/sign-up-with-invitation";
import { LoginForm } from "@/components/ui/login-form";
import { LogoutButton } from "@/components/ui/logout-button";
import { primaryButton } from "@/components/ui/button-styles";
import { clientAddress } from "@/lib/auth/request-context";
import { getSessionUserId } from "@/lib/auth/session";
import { findUserName } from "@/lib/db/queries/orga-context";
import { DomainError } from "@/lib/domain/shared/errors";
import { ofEstablishment } from "@/lib/domain/shared/french-text";
import { invitationStateMessage, viewInvitation, type InvitationView } from "@/lib/use-cases/team/invitation-link";

export const metadata: Metadata = { title: "Rejoindre un espace Pix Orga" };

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ invitationId?: string; code?: string }> }) {
  const { invitationId = "", code = "" } = await searchParams;
  let view: InvitationView;
  const userId = await getSessionUserId();
  try {
    view = await viewInvitation({ invitationId: Number(invitationId), code, address: await clientAddress() });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return <InvalidInvitation message={error.message} isSignedIn={userId !== null} />;
  }
  // Already accepted and opened again while signed in (the first mail after the second, a bookmark): say where to go.
  if (view.state === "ACCEPTED" && userId !== null) return <AcceptedInvitation establishmentName={view.establishmentName} />;
  if (view.state !== "VALID") return <InvalidInvitation message={invitationStateMessage(view.state)} isSignedIn={userId !== null} />;
  const user = userId === null ? null : await findUserName(userId);
  const back = `/orga/rejoindre?invitationId=${view.invitationId}&code=${encodeURIComponent(code)}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Vous êtes invité(e) à rejoindre {view.establishmentName}</h1>
      {user ? (
        <section className="max-w-xl space-y-3 rounded-2xl bg-white p-6 shadow-sm">
          <p>
            Vous êtes connecté(e) en tant que{" "}
            <strong>
              {user.firstName} {user.lastName}
            </strong>
            .
          </p>
          <AcceptInvitation invitationId={view.invitationId} code={code} />
          <p className="text-sm">
            Ce n&apos;est pas vous ? <LogoutButton callbackUrl={back} />
          </p>
        </section>
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          <section aria-labelledby="has-account" className="rounded-2xl bg-white p-6 shadow-sm">
            <h2 id="has-account" className="mb-4 text-xl font-bold">J&apos;ai déjà un compte</h2>
            <LoginForm redirectTo={back} />
          </section>
          <section aria-labelledby="sign-up" className="rounded-2xl bg-white p-6 shadow-sm">
            <h2 id="sign-up" className="mb-4 text-xl font-bold">Je m&apos;inscris</h2>
            <SignUpWithInvitation invitationId={view.invitationId} code={code} email={view.email} />
          </section>
        </div>
      )}
    </div>
  );
}

function InvalidInvitation({ message, isSignedIn }: { message: string; isSignedIn: boolean }) {
  return (
    <section className="mx-auto max-w-xl rounded-2xl bg-white p-6 shadow-sm">
      <h1 className="mb-3 text-2xl font-bold">Invitation impossible à utiliser</h1>
      <p className="mb-4 text-slate-800">{message}</p>
      <Link href="/orga" className="font-semibold text-brand-700 underline">
        {isSignedIn ? "Aller à Pix Orga" : "Aller à la page de connexion Pix Orga"}
      </Link>
    </section>
  );
}

function AcceptedInvitation({ establishmentName }: { establishmentName: string }) {
  return (
    <section className="mx-auto max-w-xl space-y-3 rounded-2xl bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">Invitation déjà acceptée</h1>
      <p className="text-slate-800">
        Cette invitation à rejoindre l&apos;espace Pix Orga {ofEstablishment(establishmentName)} a déjà été acceptée : il n&apos;y a plus rien à faire
        avec ce lien. Ouvrez Pix Orga pour retrouver les campagnes de l&apos;établissement ; si vous avez plusieurs établissements, choisissez-le en
        haut de la page.
      </p>
      <Link href="/orga" className={primaryButton}>Aller à Pix Orga</Link>
    </section>
  );
}
