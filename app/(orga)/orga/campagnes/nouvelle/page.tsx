import type { Metadata } from "next";
import Link from "next/link";
import { CampaignForm } from "@/components/orga/campaigns/campaign-form";
import { requireOrgaPermission } from "@/lib/auth/orga-actor";
import { campaignDetails, listActiveMembersForOwner, listTargetProfilesForPicker } from "@/lib/db/queries/campaign-list";
import { establishmentKind } from "@/lib/db/repositories/establishment-repository";
import { DEFAULT_PRECISION_TARGET_CHOICE, isFormerPrecisionTarget } from "@/lib/domain/campaigns/campaign-form";
import { DomainError } from "@/lib/domain/shared/errors";
import { readableCampaign } from "@/lib/use-cases/campaigns/manage-campaign";
import { ofName } from "@/lib/domain/shared/french-text";

export const metadata: Metadata = { title: "Création d'une campagne" };

export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<{ copie?: string }> }) {
  const actor = await requireOrgaPermission("campaign:create");
  const { copie } = await searchParams;
  const kind = await establishmentKind(actor.establishmentId);
  const [profiles, members] = await Promise.all([listTargetProfilesForPicker(kind), listActiveMembersForOwner(actor.establishmentId)]);
  let prefill = {};
  if (copie) {
    try {
      const source = await readableCampaign(actor.userId, Number(copie));
      const c = await campaignDetails(source.id);
      prefill = {
        name: `Copie ${ofName(c.name)}`,
        type: c.type,
        targetProfileId: c.targetProfile?.id,
        title: c.title ?? undefined,
        landingText: c.landingText ?? undefined,
        externalIdLabel: c.externalIdLabel ?? undefined,
        externalIdType: c.externalIdType ?? undefined,
        multipleSendings: c.multipleSendings ? "yes" : "no",
        assessmentMethod: c.assessmentMethod,
        // A precision no longer offered is not carried over to the copy: it starts at the default.
        precisionTarget: String(isFormerPrecisionTarget(c.precisionTarget) ? DEFAULT_PRECISION_TARGET_CHOICE : c.precisionTarget),
      };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/orga" className="text-sm font-semibold text-brand-700 underline">← Campagnes</Link>
      <h1 className="text-2xl font-bold">Création d&apos;une campagne</h1>
      <div className="rounded-2xl bg-white p-6 shadow-sm sm:p-8">
        <CampaignForm profiles={profiles} members={members} currentUserId={actor.userId} prefill={prefill} />
      </div>
    </div>
  );
}
