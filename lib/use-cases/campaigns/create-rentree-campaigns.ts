import "server-only";
import { activeTargetProfiles, establishmentKind } from "../../db/repositories/establishment-repository";
import { establishmentHasCampaignOn, findPlatformAccountId } from "../../db/repositories/campaign-repository";
import { rentreeProfilesFor } from "../../domain/establishments/establishment-kind";
import { createCampaign } from "./create-campaign";
import { DEFAULT_PRECISION_TARGET_CHOICE } from "../../domain/campaigns/campaign-form";

/**
 * Pre-creates the "Parcours de rentrée" campaigns of an establishment, owned by the platform account shown
 * as "Équipe Pix", so teachers can hand out codes at once. Idempotent.
 */
export async function createRentreeCampaigns(establishmentId: number, now = new Date()): Promise<number> {
  const kind = await establishmentKind(establishmentId);
  const platformId = await findPlatformAccountId();
  const profiles = await activeTargetProfiles([...rentreeProfilesFor(kind)]);
  let created = 0;
  for (const profile of profiles) {
    if (await establishmentHasCampaignOn(establishmentId, profile.id, platformId)) continue;
    await createCampaign({
      actorUserId: platformId,
      establishmentId,
      ownerIsPlatform: true,
      now,
      campaign: {
        name: profile.name,
        type: "ASSESSMENT",
        targetProfileId: profile.id,
        externalIdLabel: null,
        externalIdType: null,
        title: profile.name,
        landingText: "Ce parcours fait le point sur vos compétences numériques en début d'année. Répondez sans pression : les questions s'adaptent à vos réponses.",
        ownerId: platformId,
        multipleSendings: false,
        assessmentMethod: "PRECISION",
        precisionTarget: DEFAULT_PRECISION_TARGET_CHOICE,
      },
    });
    created++;
  }
  return created;
}
