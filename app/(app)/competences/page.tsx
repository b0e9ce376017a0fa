import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CompetenceGrid } from "@/components/app/profile/competence-grid";
import { getSessionUserId } from "@/lib/auth/session";
import { pixProfileView } from "@/lib/use-cases/participations/pix-profile-view";

export const metadata: Metadata = { title: "Mes compétences" };

export default async function CompetencesPage() {
  const userId = await getSessionUserId();
  if (userId === null) redirect("/connexion?retour=/competences");
  const profile = await pixProfileView(userId);
  return (
    <div className="space-y-6">
      <section className="flex flex-wrap items-center justify-between gap-4 rounded-2xl bg-white p-6 shadow-sm">
        <div>
          <h1 className="text-2xl font-bold">Vous avez 16 compétences à tester.</h1>
          <p className="text-slate-700">On se concentre et c&apos;est parti !</p>
        </div>
        <p className="text-center">
          <span className="block text-4xl font-extrabold text-brand-700" data-testid="total-pix">{profile.totalPix}</span>
          <span className="text-sm text-slate-700">pix sur {profile.maxPix}</span>
        </p>
      </section>
      <details className="rounded-xl bg-white p-4 shadow-sm">
        <summary className="cursor-pointer font-semibold">Pourquoi {profile.maxPix} pix ?</summary>
        <p className="mt-2 text-slate-700">Chaque compétence compte 8 niveaux ; chaque niveau vaut 8 pix. 16 compétences × 8 niveaux × 8 pix = 1024 pix. Vos pix augmentent à chaque acquis validé, dans tous les parcours que vous passez.</p>
      </details>
      <CompetenceGrid areas={profile.areas} />
    </div>
  );
}
