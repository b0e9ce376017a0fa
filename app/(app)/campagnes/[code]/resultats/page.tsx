import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ShareButton } from "@/components/app/campaign/share-button";
import { TutorialLink } from "@/components/app/tutorial-link";
import { MasteryFigure } from "@/components/ui/mastery-figure";
import { Stars } from "@/components/ui/stars";
import { pointsText, precisionRange } from "@/lib/domain/scoring/precision";
import { getSessionUserId } from "@/lib/auth/session";
import { formatDate, formatTime } from "@/lib/domain/shared/format-date";
import { DomainError } from "@/lib/domain/shared/errors";
import { frenchTypography } from "@/lib/domain/typography/french-typography";
import { participationResults } from "@/lib/use-cases/participations/participation-results";
import { campaignForLanding } from "@/lib/use-cases/participations/pupil-campaign";
import { normalizeCampaignCode } from "@/lib/domain/campaigns/campaign-code";
import { pixProfileView } from "@/lib/use-cases/participations/pix-profile-view";
import { CompetenceGrid } from "@/components/app/profile/competence-grid";
import { RetryButton } from "@/components/app/campaign/retry-button";

export const metadata: Metadata = { title: "Mes résultats" };

export default async function ResultsPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const userId = await getSessionUserId();
  if (userId === null) redirect(`/connexion?retour=/campagnes/${code}`);
  const campaign = await campaignForLanding(code);
  // Unknown code or no participation of this pupil: both back to the landing page, where codes are looked up under limits.
  if (!campaign) redirect(`/campagnes/${encodeURIComponent(normalizeCampaignCode(code))}`);
  let results;
  try {
    results = await participationResults({ userId, campaignId: campaign.id });
  } catch (error) {
    if (error instanceof DomainError) redirect(`/campagnes/${campaign.code}`);
    throw error;
  }
  if (results.participation.status === "STARTED") redirect(`/campagnes/${campaign.code}/evaluation`);
  const isCollection = campaign.type === "PROFILES_COLLECTION";
  const sharedAt = results.participation.sharedAt;
  const profile = isCollection ? await pixProfileView(userId) : null;
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <section className="space-y-4 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
        <p className="text-sm font-semibold text-slate-600">{campaign.title ?? campaign.name}</p>
        <h1 className="text-3xl font-bold">
          {isCollection ? "Envoi de votre profil Pix" : <MasteryFigure percent={results.masteryPercent} precision={results.precision} suffix=" de réussite aux questions" />}
        </h1>
        {!isCollection && results.precision !== null && (
          <p className="text-slate-700">
            « ± {pointsText(results.precision)} » : la précision de la mesure. Votre résultat réel se situe très probablement entre{" "}
            {pointsText(precisionRange(results.masteryPercent, results.precision).low)} % et {pointsText(precisionRange(results.masteryPercent, results.precision).high)} %.
          </p>
        )}
        {!isCollection && results.stars && results.stars.total > 0 && (
          <div className="space-y-1">
            <Stars reached={results.stars.reached} total={results.stars.total} />
            <p className="text-sm text-slate-700">{results.stars.reached} étoile{results.stars.reached > 1 ? "s" : ""} acquise{results.stars.reached > 1 ? "s" : ""} sur {results.stars.total}</p>
          </div>
        )}
        {!isCollection && results.stage && (
          <div className="rounded-lg bg-brand-50 p-4">
            <p className="font-bold">{frenchTypography(results.stage.title)}</p>
            <p>{frenchTypography(results.stage.message)}</p>
          </div>
        )}
        {profile && <p className="text-lg">Vous avez <strong>{profile.totalPix} pix</strong> sur {profile.maxPix}.</p>}
        {sharedAt ? (
          <div className="space-y-3">
            <p role="status" className="rounded-lg bg-green-50 p-4 font-semibold text-green-900">
              {isCollection ? "Votre profil a été envoyé" : "Vos résultats ont été envoyés"} le {formatDate(sharedAt)} à {formatTime(sharedAt)}.
            </p>
            {campaign.multipleSendings && !isCollection && <RetryButton code={campaign.code} />}
          </div>
        ) : (
          <div className="space-y-2">
            <p className="font-medium">N&apos;oubliez pas de finaliser votre envoi : votre enseignant ne voit vos résultats qu&apos;après.</p>
            <ShareButton code={campaign.code} label={isCollection ? "J'envoie mon profil" : "J'envoie mes résultats"} />
          </div>
        )}
      </section>
      {profile && <CompetenceGrid areas={profile.areas} />}
      {!isCollection && (
      <section aria-labelledby="by-competence" className="space-y-3 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
        <h2 id="by-competence" className="text-xl font-bold">Vos résultats par compétence</h2>
        <ul className="space-y-3">
          {results.competences.map((c) => (
            <li key={c.index}>
              <div className="flex justify-between gap-3"><span>{c.index} {c.name}</span><span className="font-semibold">{c.percent} %</span></div>
              <div className="mt-1 h-2 rounded-full bg-slate-200" aria-hidden="true"><div className="h-2 rounded-full bg-brand-600" style={{ width: `${c.percent}%` }} /></div>
            </li>
          ))}
        </ul>
      </section>
      )}
      {results.tutorials.length > 0 && (
        <section aria-labelledby="tutorials" className="space-y-3 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
          <h2 id="tutorials" className="text-xl font-bold">Pour progresser : les tutos recommandés</h2>
          <ul className="list-disc space-y-2 pl-6">{results.tutorials.map((t) => <li key={t.id}><TutorialLink tutorial={t} /></li>)}</ul>
        </section>
      )}
    </article>
  );
}
