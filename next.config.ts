import type { NextConfig } from "next";
import { networkInterfaces } from "node:os";
import { STATIC_SECURITY_HEADERS } from "./lib/domain/requests/security-headers";

/**
 * In development, the app may be opened at localhost, 127.0.0.1, APP_URL's host or this machine's LAN address (a
 * teacher trying it from a tablet): Next's dev server serves its resources to those origins only.
 * (Configuration read before lib/env.ts can run: APP_URL is only parsed here, never trusted for anything else.)
 */
function developmentOrigins(): string[] {
  const hosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
  try {
    if (process.env.APP_URL) hosts.add(new URL(process.env.APP_URL).hostname);
  } catch {
    // lib/env.ts reports a malformed APP_URL at start-up.
  }
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) hosts.add(entry.family === "IPv6" ? `[${entry.address}]` : entry.address);
  }
  return [...hosts];
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  allowedDevOrigins: developmentOrigins(),
  typedRoutes: false,
  // The <title> is in the <head> of every response, for everyone (not streamed into the body after the content, which
  // Next does by default for browsers): a screen reader announces the page's name as soon as it loads, and the page is
  // never briefly without a title (axe found one during a re-render). Our metadata is static or cheap to compute.
  htmlLimitedBots: /.*/,
  // SIECLE exports reach several megabytes (20 MB accepted by the import).
  experimental: { serverActions: { bodySizeLimit: "21mb" }, proxyClientMaxBodySize: "21mb" },
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
