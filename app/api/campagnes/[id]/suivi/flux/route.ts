import { DomainError } from "@/lib/domain/shared/errors";
import { liveViewCaller, liveViewNotFound } from "@/lib/server/live-view-caller";
import { claimLiveViewSlot, liveViewStreamsRefused } from "@/lib/server/live-view-slots";
import { EVENT_STREAM_HEADERS, liveViewStream } from "@/lib/server/live-view-stream";
import { readableCampaign } from "@/lib/use-cases/campaigns/manage-campaign";
import { divisionFilter } from "@/lib/use-cases/live-view/read-live-view";

export const dynamic = "force-dynamic";

/**
 * « Suivi en direct » as server-sent events. Authorized at connection (session, then membership of the campaign's
 * establishment: 404 otherwise, like the CSV export), and again while it runs (lib/server/live-view-stream.ts).
 * At most a few streams per account at once (lib/server/live-view-slots.ts): 429 beyond, and the page polls instead.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const caller = await liveViewCaller((await context.params).id);
  if (!caller) return liveViewNotFound();
  try {
    await readableCampaign(caller.userId, caller.campaignId);
  } catch (error) {
    if (error instanceof DomainError) return liveViewNotFound();
    throw error;
  }
  const division = divisionFilter(new URL(request.url).searchParams.get("classe"));
  // Claimed after the authorization: a stranger's requests never take a member's slots.
  const release = claimLiveViewSlot(caller.userId);
  if (!release) return liveViewStreamsRefused();
  return new Response(liveViewStream({ ...caller, division, signal: request.signal, onClose: release }), { headers: EVENT_STREAM_HEADERS });
}
