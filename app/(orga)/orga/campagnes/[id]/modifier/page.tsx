import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignEditForm } from "@/components/orga/campaigns/campaign-edit-form";
import { campaignForPage } from "@/lib/auth/campaign-access";
import { campaignDetails, listActiveMembersForOwner } from "@/lib/db/queries/campaign-list";
import { canManageCampaign } from "@/lib/domain/authorization/permissions";

/** The tab's own title (RGAA 8.6: every page names itself; the campaign's name is in the page's heading). */
export const metadata: Metadata = { title: "Modifier la campagne" };

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const access = await campaignForPage((await params).id);
  const c = await campaignDetails(access.id);
  if (!canManageCampaign({ userId: access.userId, role: access.role }, c)) notFound();
  const members = await listActiveMembersForOwner(c.establishmentId);
  return (
    <section aria-labelledby="edit-title" className="space-y-4 rounded-xl bg-white p-6 shadow-sm">
      <h2 id="edit-title" className="text-xl font-bold">Modifier la campagne</h2>
      <CampaignEditForm
        campaignId={c.id}
        isAssessment={c.type === "ASSESSMENT"}
        members={members}
        initial={{ name: c.name, title: c.title ?? "", landingText: c.landingText ?? "", ownerId: String(c.ownerId), assessmentMethod: c.assessmentMethod, precisionTarget: String(c.precisionTarget) }}
      />
    </section>
  );
}
