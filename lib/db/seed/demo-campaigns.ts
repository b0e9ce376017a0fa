import "server-only";
import { db } from "../client";
import { createCampaign } from "../../use-cases/campaigns/create-campaign";
import { createRentreeCampaigns } from "../../use-cases/campaigns/create-rentree-campaigns";
import { DEMO_ACCOUNTS } from "./demo-school";
import { seedDemoResults } from "./demo-results";
import { DEFAULT_PRECISION_TARGET_CHOICE } from "../../domain/campaigns/campaign-form";

/** The demo school's campaigns: the rentrée ones ("Équipe Pix") and one of the demo teacher's own. Idempotent. */
export async function seedDemoCampaigns(establishmentId: number): Promise<void> {
  await createRentreeCampaigns(establishmentId);
  await seedDemoResults(establishmentId);
  const teacher = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.member.email }, select: { id: true } });
  const exists = await db.campaign.count({ where: { establishmentId, name: "4e B – Sécurité numérique", deletedAt: null } });
  if (exists) return;
  await createCampaign({
    actorUserId: teacher.id,
    establishmentId,
    campaign: {
      name: "4e B – Sécurité numérique",
      type: "ASSESSMENT",
      targetProfileId: "tp-competence-4-1",
      externalIdLabel: null,
      externalIdType: null,
      title: "Sécuriser son environnement numérique",
      landingText: "Bonjour à toutes et à tous !\n\nCe parcours porte sur la **sécurité numérique** : mots de passe, hameçonnage, mises à jour.\n\n- Répondez seul(e), sans aide.\n- Si vous ne savez pas, cliquez sur « Je passe ».",
      ownerId: teacher.id,
      multipleSendings: false,
      assessmentMethod: "PRECISION",
      precisionTarget: DEFAULT_PRECISION_TARGET_CHOICE,
    },
  });
}
