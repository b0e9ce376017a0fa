import { NextResponse, type NextRequest } from "next/server";
import { orgaRewritePath } from "./lib/domain/navigation/orga-host";
import { env } from "./lib/env";

/** Serves the teacher space on its own host when ORGA_URL is set. */
export function proxy(request: NextRequest) {
  const target = orgaRewritePath(request.headers.get("host"), request.nextUrl.pathname, env().ORGA_URL);
  if (!target) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = target;
  return NextResponse.rewrite(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image).*)"] };
