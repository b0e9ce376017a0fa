import { NextResponse, type NextRequest } from "next/server";
import { orgaRewritePath } from "./lib/domain/navigation/orga-host";
import { isFormActionArguments, MALFORMED_ACTION_MESSAGE } from "./lib/domain/requests/server-action-arguments";
import { env } from "./lib/env";

/** A server action call whose body is not (previous state?, form) as React's client sends it: answered 400 here. */
async function refuseMalformedServerAction(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const form = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data") ? await request.clone().formData().catch(() => null) : null;
  if (form && isFormActionArguments(form.get("0"))) return null;
  return new NextResponse(MALFORMED_ACTION_MESSAGE, { status: 400, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** Refuses malformed server action calls; serves the teacher space on its own host when ORGA_URL is set. */
export async function proxy(request: NextRequest) {
  const refusal = await refuseMalformedServerAction(request);
  if (refusal) return refusal;
  const target = orgaRewritePath(request.headers.get("host"), request.nextUrl.pathname, env().ORGA_URL);
  if (!target) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = target;
  return NextResponse.rewrite(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image).*)"] };
