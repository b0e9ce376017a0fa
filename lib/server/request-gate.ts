import type { IncomingMessage, ServerResponse } from "node:http";
import { clientAddressFrom } from "../domain/requests/client-address";
import { CLIENT_ADDRESS_HEADER } from "./client-address-header";

/**
 * What every request goes through before Next.js sees it (scripts/server.ts):
 * - the client's address, from the socket or the hop appended by the trusted proxies, in a header nobody else can set;
 * - a path whose percent-encoding does not decode is answered 400 (Next.js would fail on it with a 500);
 * - bodies are bounded before anything reads them: 64 KB for anonymous visitors, 21 MB for a signed-in user (a 20 MB
 *   SIECLE export and its form), announced with Content-Length (411 otherwise), 413 beyond.
 */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;
export const SIGNED_IN_BODY_LIMIT = 21 * 1024 * 1024;

export type GateOptions = {
  trustedProxyHops: number;
  /** Whether the request carries a valid session token (signature and expiry: the app checks the rest). */
  isSignedIn: (request: IncomingMessage) => Promise<boolean>;
};

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function refuse(response: ServerResponse, status: number, message: string): false {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
  response.end(`${message}\n`);
  return false;
}

function hasDecodablePath(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0];
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** true: hand the request to Next.js; false: it was answered here. */
export async function gateRequest(request: IncomingMessage, response: ServerResponse, options: GateOptions): Promise<boolean> {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressFrom({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedProxyHops: options.trustedProxyHops,
  });
  if (!hasDecodablePath(request.url)) return refuse(response, 400, "Adresse invalide : vérifiez le lien (caractères mal encodés).");
  if (!METHODS_WITH_BODY.has(request.method ?? "GET")) return true;
  const announced = request.headers["content-length"];
  if (announced === undefined) {
    return request.headers["transfer-encoding"] ? refuse(response, 411, "La taille de la requête doit être annoncée (en-tête Content-Length).") : true;
  }
  const length = Number(announced);
  if (!Number.isSafeInteger(length) || length < 0) return refuse(response, 400, "Requête invalide : taille annoncée incorrecte.");
  if (length <= ANONYMOUS_BODY_LIMIT) return true;
  if (!(await options.isSignedIn(request))) return refuse(response, 413, "Requête trop volumineuse (64 Ko au plus sans être connecté).");
  if (length > SIGNED_IN_BODY_LIMIT) return refuse(response, 413, "Fichier trop volumineux : 20 Mo au plus.");
  return true;
}
