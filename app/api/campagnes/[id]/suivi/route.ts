import { DomainError } from "@/lib/domain/shared/errors";
import { liveViewCaller, liveViewNotFound } from "@/lib/server/live-view-caller";
import { divisionFilter, readLiveView } from "@/lib/use-cases/live-view/read-live-view";

export const dynamic = "force-dynamic";

/** « Suivi en direct » as JSON: the page's polling fallback when the event stream cannot get through. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const caller = await liveViewCaller((await context.params).id);
  if (!caller) return liveViewNotFound();
  try {
    const snapshot = await readLiveView({ userId: caller.userId, campaignId: caller.campaignId, division: divisionFilter(new URL(request.url).searchParams.get("classe")), now: new Date() });
    return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof DomainError) return liveViewNotFound();
    throw error;
  }
}
