import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CheckpointPanel } from "@/components/app/campaign/checkpoint-panel";
import { getSessionUserId } from "@/lib/auth/session";
import { DomainError } from "@/lib/domain/shared/errors";
import { checkpointView } from "@/lib/use-cases/participations/checkpoint-view";
import { campaignForLanding } from "@/lib/use-cases/participations/pupil-campaign";
import { normalizeCampaignCode } from "@/lib/domain/campaigns/campaign-code";

export const metadata: Metadata = { title: "Avancement" };

/** The checkpoint as a page (a reload, the no-JavaScript path); with JavaScript it arrives with the fifth answer. */
export default async function CheckpointPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const userId = await getSessionUserId();
  if (userId === null) redirect(`/connexion?retour=/campagnes/${code}`);
  const campaign = await campaignForLanding(code);
  // Unknown code or no participation of this pupil: both back to the landing page, where codes are looked up under limits.
  if (!campaign) redirect(`/campagnes/${encodeURIComponent(normalizeCampaignCode(code))}`);
  let view;
  try {
    view = await checkpointView({ userId, campaignId: campaign.id });
  } catch (error) {
    if (error instanceof DomainError) redirect(`/campagnes/${campaign.code}`);
    throw error;
  }
  return <CheckpointPanel code={campaign.code} view={view} />;
}
