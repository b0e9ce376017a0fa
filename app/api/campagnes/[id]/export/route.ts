import { getSessionUserId } from "@/lib/auth/session";
import { DomainError } from "@/lib/domain/shared/errors";
import { exportCampaignResults } from "@/lib/use-cases/campaigns/export-campaign-results";
import { contentDisposition } from "@/lib/server/content-disposition";

export const dynamic = "force-dynamic";

const CAMPAIGN_ID = /^[1-9]\d{0,9}$/;
const MAX_INT4 = 2_147_483_647;

function notFound(): Response {
  return Response.json({ error: "Campagne introuvable" }, { status: 404, headers: { "cache-control": "no-store" } });
}

/** "Exporter les résultats (.csv)": streamed, so the first bytes leave before the last rows are read. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const userId = await getSessionUserId();
  // Not signed in, not a member, unknown or deleted campaign: one answer, nothing to enumerate.
  if (userId === null || !CAMPAIGN_ID.test(id) || Number(id) > MAX_INT4) return notFound();
  try {
    const { fileName, stream } = await exportCampaignResults({ userId, campaignId: Number(id), now: new Date() });
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": contentDisposition(fileName),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return notFound();
    throw error;
  }
}
