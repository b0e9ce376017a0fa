import { campaignCsvDownload } from "@/lib/server/campaign-csv-download";
import { exportCampaignResults } from "@/lib/use-cases/campaigns/export-campaign-results";

export const dynamic = "force-dynamic";

/** "Exporter les résultats (.csv)": streamed, so the first bytes leave before the last rows are read. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return campaignCsvDownload((await context.params).id, async (input) => {
    const { fileName, stream } = await exportCampaignResults(input);
    return { fileName, body: stream };
  });
}
