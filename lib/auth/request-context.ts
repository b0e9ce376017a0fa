import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER, isServedByRequestGate } from "../server/client-address-header";

let warned = false;

/**
 * The address this request comes from, for limits and the audit log. It is computed by the request gate of our
 * server (scripts/server.ts) from the socket, or from the hop appended by TRUSTED_PROXY_HOPS trusted proxies, and
 * passed in a header that the gate always overwrites. Run without that server (plain `next start`), nothing in the
 * request can be trusted: every request then counts as one and the same client, and a warning says so.
 */
export async function clientAddress(): Promise<string> {
  if (!isServedByRequestGate()) {
    if (!warned) console.warn("[adresse] L'application ne tourne pas derrière scripts/server.ts (npm start / npm run dev) : les limites par adresse comptent toutes les requêtes ensemble.");
    warned = true;
    return "inconnue";
  }
  return (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "inconnue";
}
