import { NextResponse, type NextRequest } from "next/server";
import { orgaRewritePath } from "./lib/domain/navigation/orga-host";
import { CROSS_ORIGIN_MESSAGE, isCrossOriginPagePost } from "./lib/domain/requests/cross-origin-post";
import { isFormActionArguments, MALFORMED_ACTION_MESSAGE } from "./lib/domain/requests/server-action-arguments";
import { contentSecurityPolicy, strictTransportSecurity } from "./lib/domain/requests/security-headers";
import { env } from "./lib/env";

const refusal = (status: number, message: string) =>
  new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** A server action call whose body is not (previous state?, form) as React's client sends it: answered 400 here. */
async function refuseMalformedServerAction(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const form = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data") ? await request.clone().formData().catch(() => null) : null;
  if (form && isFormActionArguments(form.get("0"))) return null;
  return refusal(400, MALFORMED_ACTION_MESSAGE);
}

/**
 * Every request: a server action posted from another site (403) or malformed (400) is refused; then a fresh nonce
 * and the Content-Security-Policy that names it (Next.js reads the nonce from the request's CSP header and puts it on
 * its scripts), HSTS over https, and the teacher space on its own host when ORGA_URL is set.
 */
export async function proxy(request: NextRequest) {
  const { headers } = request;
  const sentFrom = { origin: headers.get("origin"), host: headers.get("host"), forwardedHost: headers.get("x-forwarded-host") };
  if (isCrossOriginPagePost({ method: request.method, pathname: request.nextUrl.pathname, ...sentFrom })) return refusal(403, CROSS_ORIGIN_MESSAGE);
  const malformed = await refuseMalformedServerAction(request);
  if (malformed) return malformed;
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
