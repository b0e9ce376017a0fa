import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StartForm } from "@/components/app/campaign/start-form";
import { SafeMarkdown } from "@/components/ui/safe-markdown";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { lookUpCampaignForPage } from "@/components/app/campaign/code-lookup-refused";
import { findLiveParticipation } from "@/lib/db/repositories/participation-repository";
import { ARCHIVED_CODE } from "@/lib/use-cases/participations/pupil-campaign";
import { rosterLinkStatus } from "@/lib/use-cases/roster/reconcile-learner";

export const metadata: Metadata = { title: "Parcours" };

/**
 * The direct link /campagnes/CODE: the campaign's landing page, or the pupil's participation if started. The code is
 * looked up under the same limits as « J'ai un code » (a direct link is no way around them).
 */
export default async function CampaignLanding({ params }: { params: Promise<{ code: string }> }) {
  const lookup = await lookUpCampaignForPage((await params).code);
  if ("refusal" in lookup) return lookup.refusal;
  const { userId, campaign } = lookup;
  if (campaign.code !== (await params).code) redirect(`/campagnes/${campaign.code}`);
  const participation = userId === null ? null : await findLiveParticipation(campaign.id, userId);
  if (participation?.status === "STARTED") redirect(`/campagnes/${campaign.code}/evaluation`);
  if (participation) redirect(`/campagnes/${campaign.code}/resultats`);
  // Restricted campaign (the school manages its pupils): the pupil first says who they are, once, on /rejoindre.
  const mustJoinRoster = userId !== null && campaign.isRestricted && campaign.isAccessible && (await rosterLinkStatus(campaign.establishmentId, userId)) !== "LINKED";
  if (mustJoinRoster) redirect(`/campagnes/${campaign.code}/rejoindre`);
  return (
    <article className="mx-auto max-w-2xl space-y-6 rounded-2xl bg-white p-6 shadow-sm sm:p-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{campaign.establishmentName}</p>
      <h1 className="text-3xl font-bold">{campaign.title ?? campaign.name}</h1>
      {campaign.landingText && <SafeMarkdown>{campaign.landingText}</SafeMarkdown>}
      {!campaign.isAccessible ? (
        <p className="rounded-lg bg-amber-50 p-4 font-medium text-amber-900">{ARCHIVED_CODE}</p>
      ) : userId === null ? (
        <div className="space-y-3">
          <p>Pour commencer, connectez-vous ou créez votre compte : vous reviendrez ensuite ici.</p>
          <div className="flex flex-wrap gap-3">
            <Link href={`/connexion?retour=/campagnes/${campaign.code}`} className={primaryButton}>Je me connecte</Link>
            <Link href={`/inscription?retour=/campagnes/${campaign.code}`} className={secondaryButton}>Je m&apos;inscris</Link>
          </div>
          {campaign.isRestricted && (
            <p className="text-sm">
              Pas d&apos;adresse e-mail ? <Link href={`/campagnes/${campaign.code}/rejoindre`} className="font-semibold text-brand-700 underline">Je m&apos;inscris avec un identifiant</Link>
            </p>
          )}
        </div>
      ) : (
        <StartForm code={campaign.code} externalIdLabel={campaign.externalIdLabel} externalIdType={campaign.externalIdType} label={campaign.type === "ASSESSMENT" ? "C'est parti !" : "Voir mon profil"} />
      )}
    </article>
  );
}
