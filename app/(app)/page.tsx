import Link from "next/link";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { getSessionUserId } from "@/lib/auth/session";
import { findPupilDisplayName } from "@/lib/db/queries/orga-context";
import { pendingParticipationsOf } from "@/lib/db/repositories/participation-repository";

export const dynamic = "force-dynamic";

export default async function StudentHome() {
  const userId = await getSessionUserId();
  const user = userId === null ? null : await findPupilDisplayName(userId);
  const pending = userId === null ? [] : await pendingParticipationsOf(userId);
  return (
    <div className="space-y-8">
      {pending.map((p) => (
        <section key={p.id} className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-amber-300 bg-amber-50 p-5">
          <p className="font-medium">
            {p.status === "STARTED"
              ? `Vous n'avez pas terminé le parcours « ${p.campaign.title ?? p.campaign.name} ».`
              : `N'oubliez pas de finaliser votre envoi pour « ${p.campaign.title ?? p.campaign.name} » !`}
          </p>
          <Link href={`/campagnes/${p.campaign.code}`} className={primaryButton}>
            {p.status === "STARTED" ? "Reprendre" : "Envoyer mes résultats"}
          </Link>
        </section>
      ))}
      <section className="rounded-2xl bg-white p-6 shadow-sm sm:p-10">
        <h1 className="text-2xl font-bold sm:text-3xl">
          {user ? `Bonjour ${user.firstName} !` : "Bienvenue sur Pix Libre"}
        </h1>
        <p className="mt-3 max-w-2xl text-lg text-slate-700">
          Vous avez 16 compétences à tester. On se concentre et c&apos;est parti !
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/campagnes" className={primaryButton}>
            J&apos;ai un code
          </Link>
          {!user && (
            <Link href="/connexion" className={secondaryButton}>
              Se connecter
            </Link>
          )}
        </div>
        <p className="mt-4 text-sm text-slate-600">
          Votre enseignant vous a donné un code de 9 caractères (par exemple ABCDEF234) : cliquez sur
          « J&apos;ai un code » pour commencer le parcours.
        </p>
      </section>
    </div>
  );
}
