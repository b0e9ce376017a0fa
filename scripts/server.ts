/**
 * The app's HTTP server (`npm start`, `npm run dev`, the e2e suite, the benches): Next.js behind the request gate of
 * lib/server/request-gate.ts (client address from the socket or the trusted proxies, body limits, malformed paths).
 * Next's own `next start` cannot tell a client-written X-Forwarded-For from a proxy's: see docs/adr/0008-request-gate.md.
 * Usage: tsx scripts/server.ts [--dev]   (PORT; the app's settings come from lib/env.ts)
 */
import { createServer } from "node:http";
import next from "next";
import { env } from "../lib/env";
import { markServedByRequestGate } from "../lib/server/client-address-header";
import { gateRequest } from "../lib/server/request-gate";
import { hasValidSessionCookie } from "../lib/server/session-cookie-check";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const settings = env();

markServedByRequestGate();
const httpServer = createServer((request, response) => {
  gateRequest(request, response, { trustedProxyHops: settings.TRUSTED_PROXY_HOPS, isSignedIn: hasValidSessionCookie })
    .then((pass) => (pass ? handle(request, response) : undefined))
    .catch((error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("Une erreur inattendue est survenue. Réessayez dans un instant.\n");
    });
});
const app = next({ dev, port, httpServer });
const handle = app.getRequestHandler();
await app.prepare();
httpServer.listen(port, () => {
  console.log(`> Pix Libre (${dev ? "développement" : "production"}) sur le port ${port}${settings.TRUSTED_PROXY_HOPS ? `, ${settings.TRUSTED_PROXY_HOPS} proxy(s) de confiance` : ""}`);
});

function stop() {
  httpServer.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
