import "server-only";
import { DomainError } from "../../domain/shared/errors";
import { MAX_GROUPS, MIN_GROUPS } from "../../domain/analysis/needs-clustering";
import { resetNeedsGroups, saveNeedsGroupMove } from "../../db/repositories/needs-groups-repository";
import { readableCampaign } from "./manage-campaign";
import { campaignNeedsGroups } from "./campaign-needs-groups";

/** The teacher moves a pupil to another needs group: any member of the campaign's establishment (like Analyse). */
export async function moveToNeedsGroup(input: { actorUserId: number; campaignId: number; participationId: number; groupNumber: number; now: Date }): Promise<{ groupNumber: number }> {
  const campaign = await readableCampaign(input.actorUserId, input.campaignId);
  if (campaign.type !== "ASSESSMENT") throw new DomainError("NO_NEEDS_GROUPS", "Cette campagne n'a pas de groupes de besoins.");
  // The groups as the page shows them: the target must exist (the page may be older than the last « Recalculer »).
  const groups = await campaignNeedsGroups(campaign.id);
  if (!groups.ready || groups.groupCount < MIN_GROUPS) throw new DomainError("NO_NEEDS_GROUPS", "Il n'y a pas encore de groupes à arranger dans cette campagne.");
  if (input.groupNumber < 1 || input.groupNumber > groups.groupCount) {
    throw new DomainError("NEEDS_GROUP_GONE", "Ce groupe n'existe plus : rechargez la page pour voir les groupes actuels.", "groupNumber");
  }
  const saved = await saveNeedsGroupMove({ campaignId: campaign.id, participationId: input.participationId, groupNumber: input.groupNumber, groupCount: groups.groupCount, now: input.now });
  if (!saved) throw new DomainError("NOT_A_RESULT", "Cet élève ne fait pas partie des résultats reçus de cette campagne : rechargez la page.");
  return { groupNumber: input.groupNumber };
}

/** « Recalculer les groupes » (after confirmation on the page): the number of groups chosen, moves forgotten. */
export async function recomputeNeedsGroups(input: { actorUserId: number; campaignId: number; groupCount: number | null; now: Date }): Promise<void> {
  const campaign = await readableCampaign(input.actorUserId, input.campaignId);
  if (campaign.type !== "ASSESSMENT") throw new DomainError("NO_NEEDS_GROUPS", "Cette campagne n'a pas de groupes de besoins.");
  if (input.groupCount !== null && (input.groupCount < MIN_GROUPS || input.groupCount > MAX_GROUPS)) {
    throw new DomainError("GROUP_COUNT", `Choisissez entre ${MIN_GROUPS} et ${MAX_GROUPS} groupes.`, "groupCount");
  }
  await resetNeedsGroups({ campaignId: campaign.id, groupCount: input.groupCount, now: input.now });
}
