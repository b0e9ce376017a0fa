import "server-only";
import { needsGroupsCsv, needsGroupsFileName } from "../../domain/export/needs-groups-csv";
import { NotFoundError } from "../../domain/shared/errors";
import { campaignNeedsGroups } from "./campaign-needs-groups";
import { readableCampaign } from "./manage-campaign";

/** The needs groups as a CSV file, for the members of the campaign's establishment (anyone else: not found). */
export async function exportNeedsGroups(input: { userId: number; campaignId: number; now: Date }): Promise<{ fileName: string; text: string }> {
  const campaign = await readableCampaign(input.userId, input.campaignId);
  if (campaign.type !== "ASSESSMENT") throw new NotFoundError();
  const grouping = await campaignNeedsGroups(campaign.id);
  // Fewer than four results: no groups yet, the file has its header only (like a results file without results).
  return { fileName: needsGroupsFileName(campaign.name, campaign.id, input.now), text: needsGroupsCsv(grouping.ready ? grouping : { groups: [] }) };
}
