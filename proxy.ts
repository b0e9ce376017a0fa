import { NextResponse, type NextRequest } from "next/server";
import { orgaRewritePath } from "./lib/domain/navigation/orga-host";
import { contentSecurityPolicy, strictTransportSecurity } from "./lib/domain/requests/security-headers";
import { env } from "./lib/env";

/**
 * Every page request: a fresh nonce and the Content-Security-Policy that names it (Next.js reads the nonce from the
 * request's CSP header and puts it on its scripts), HSTS over https, and the teacher space on its own host when
 * ORGA_URL is set.
 */
export function proxy(request: NextRequest) {
  const settings = env();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy({ nonce, isDevelopment: settings.NODE_ENV === "development", isHttps: settings.APP_URL.startsWith("https://") });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);

  const target = orgaRewritePath(request.headers.get("host"), request.nextUrl.pathname, settings.ORGA_URL);
  let response: NextResponse;
  if (target) {
    const url = request.nextUrl.clone();
    url.pathname = target;
    response = NextResponse.rewrite(url, { request: { headers: requestHeaders } });
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("content-security-policy", policy);
  const hsts = strictTransportSecurity(settings.APP_URL);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
