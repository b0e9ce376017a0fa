import "server-only";
import { activeTargetProfiles, establishmentKind } from "../../db/repositories/establishment-repository";
import { establishmentHasCampaignOn, findPlatformAccountId } from "../../db/repositories/campaign-repository";
import { createCampaign } from "./create-campaign";

const COLLEGE = ["tp-rentree-5e", "tp-rentree-4e", "tp-rentree-3e"];
const LYCEE = ["tp-rentree-2nde", "tp-rentree-1ere", "tp-rentree-terminale"];
const SUPERIEUR = ["tp-rentree-post-bac"];

/** Which rentrée parcours suit an establishment: lycées get 2nde–Terminale, higher education Post-bac. */
export function rentreeProfilesFor(establishment: { type: string; name: string }): string[] {
  if (establishment.type === "SUP") return SUPERIEUR;
  if (establishment.type !== "SCO") return [];
  return /lyc[ée]e/i.test(establishment.name) ? LYCEE : COLLEGE;
}

/**
 * Pre-creates the "Parcours de rentrée" campaigns of an establishment, owned by the platform account shown
 * as "Équipe Pix", so teachers can hand out codes at once. Idempotent.
 */
export async function createRentreeCampaigns(establishmentId: number, now = new Date()): Promise<number> {
  const establishment = await establishmentKind(establishmentId);
  const platformId = await findPlatformAccountId();
  const profiles = await activeTargetProfiles(rentreeProfilesFor(establishment));
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
      },
    });
    created++;
  }
  return created;
}
