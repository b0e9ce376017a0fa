import { getSessionUserId } from "../auth/session";
import { DomainError } from "../domain/shared/errors";
import { recordIdSchema } from "../domain/shared/record-id";
import { contentDisposition } from "./content-disposition";

const CAMPAIGN_ID = /^[1-9]\d{0,9}$/;

function notFound(): Response {
  return Response.json({ error: "Campagne introuvable" }, { status: 404, headers: { "cache-control": "no-store" } });
}

/**
 * A campaign's CSV file for the signed-in member of its establishment (the use case checks who asks). Not signed
 * in, not a member, unknown or deleted campaign, an id no record can have: one answer, 404, nothing to enumerate.
 */
export async function campaignCsvDownload(
  id: string,
  produce: (input: { userId: number; campaignId: number; now: Date }) => Promise<{ fileName: string; body: BodyInit }>,
): Promise<Response> {
  const userId = await getSessionUserId();
  const campaignId = CAMPAIGN_ID.test(id) ? recordIdSchema.safeParse(id) : null;
  if (userId === null || !campaignId?.success) return notFound();
  try {
    const { fileName, body } = await produce({ userId, campaignId: campaignId.data, now: new Date() });
    return new Response(body, {
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
