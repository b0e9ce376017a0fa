import "server-only";
import { cookies } from "next/headers";
import { sessionFromToken } from "../auth/session-check";
import { sessionCookieName } from "../auth/session-token";

const CAMPAIGN_ID = /^[1-9]\d{0,9}$/;
const MAX_INT4 = 2_147_483_647;

/** Not signed in, not a member, unknown or deleted campaign: one answer, nothing to enumerate (as the CSV export). */
export function liveViewNotFound(): Response {
  return Response.json({ error: "Campagne introuvable" }, { status: 404, headers: { "cache-control": "no-store" } });
}

/**
 * The signed-in user of a live-view request and the raw session token (the event stream checks it again while it
 * runs), or null: no session, a one-time password still to replace, a malformed campaign id.
 */
export async function liveViewCaller(id: string): Promise<{ userId: number; token: string; campaignId: number } | null> {
  if (!CAMPAIGN_ID.test(id) || Number(id) > MAX_INT4) return null;
  const token = (await cookies()).get(sessionCookieName())?.value;
  const session = token ? await sessionFromToken(token, new Date()) : null;
  if (!session || session.mustChangePassword || !token) return null;
  return { userId: session.userId, token, campaignId: Number(id) };
}
