import { campaignCsvDownload } from "@/lib/server/campaign-csv-download";
import { exportNeedsGroups } from "@/lib/use-cases/campaigns/export-needs-groups";

export const dynamic = "force-dynamic";

/** « Exporter les groupes (.csv) »: the needs groups of a campaign (the header only before four results). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return campaignCsvDownload((await context.params).id, async (input) => {
    const { fileName, text } = await exportNeedsGroups(input);
    return { fileName, body: text };
  });
}
