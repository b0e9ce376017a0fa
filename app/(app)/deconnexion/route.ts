import type { NextRequest } from "next/server";
import { endSession } from "@/lib/auth/session";
import { safeAppPath } from "@/lib/urls";

/**
 * « Se déconnecter » from a page outside the App Router (the question page, ADR 0017): same as signOutAction. A POST
 * from another site is refused by proxy.ts (403) before it gets here; a GET does nothing (a link or a prefetch must
 * never sign anyone out).
 */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const back = form?.get("retour");
  await endSession();
  // A relative Location: the browser resolves it against the address it used (behind a proxy too).
  return new Response(null, { status: 303, headers: { location: safeAppPath(typeof back === "string" ? back : "", "/"), "cache-control": "no-store" } });
}
