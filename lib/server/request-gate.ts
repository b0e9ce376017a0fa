import type { IncomingMessage, ServerResponse } from "node:http";
import { clientAddressFrom } from "../domain/requests/client-address";
import { CLIENT_ADDRESS_HEADER } from "./client-address-header";

/**
 * What every request goes through before Next.js sees it (scripts/server.ts):
 * - the client's address, from the socket or the hop appended by the trusted proxies, in a header nobody else can set;
 * - a path whose percent-encoding does not decode is answered 400 (Next.js would fail on it with a 500);
 * - bodies are bounded before anything reads them: 64 KB for anonymous visitors, 21 MB for a signed-in user (a 20 MB
 *   SIECLE export and its form), announced with Content-Length (411 otherwise), 413 beyond — sent so that the client
 *   reads it (refuseBody).
 */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;
export const SIGNED_IN_BODY_LIMIT = 21 * 1024 * 1024;

/**
 * After refusing a body, what the gate still reads and throws away before cutting the connection. Closing a socket
 * whose client is still sending makes the kernel answer the next bytes with a reset, and the client (fetch, a
 * browser) then fails on its upload without reading the French 413 already sent. So the refusal is written at once,
 * the rest of the body is read and dropped, and the connection closes when the body is over — within these bounds, so
 * that a refused body costs no more than an accepted upload; beyond them it is destroyed.
 */
export const DISCARD_AFTER_REFUSAL = { bytes: 64 * 1024 * 1024, milliseconds: 15_000 };

export type GateOptions = {
  trustedProxyHops: number;
  /** Whether the request carries a valid session token (signature and expiry: the app checks the rest). */
  isSignedIn: (request: IncomingMessage) => Promise<boolean>;
  /** Bounds on what is discarded after a refused body (DISCARD_AFTER_REFUSAL unless a test says otherwise). */
  discard?: { bytes: number; milliseconds: number };
};

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function refuse(response: ServerResponse, status: number, message: string): false {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
  response.end(`${message}\n`);
  return false;
}

/**
 * A refused body: the whole answer (with its length, and `connection: close` so that the client does not reuse the
 * connection) is written at once; the response ends — and Node closes the connection — once the client has sent the
 * rest of its body, which is read and dropped, or when a bound of DISCARD_AFTER_REFUSAL is reached (then destroyed).
 */
export function refuseBody(request: IncomingMessage, response: ServerResponse, status: number, message: string, bounds = DISCARD_AFTER_REFUSAL): false {
  const text = Buffer.from(`${message}\n`);
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": text.length, "cache-control": "no-store", connection: "close" });
  response.write(text);
  let discarded = 0;
  const cut = () => {
    response.end();
    request.socket.destroy();
  };
  const timer = setTimeout(cut, bounds.milliseconds);
  timer.unref();
  request.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > bounds.bytes) cut();
  });
  request.once("end", () => {
    clearTimeout(timer);
    response.end();
  });
  request.once("close", () => clearTimeout(timer));
  request.resume();
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
    return request.headers["transfer-encoding"] ? refuseBody(request, response, 411, "La taille de la requête doit être annoncée (en-tête Content-Length).", options.discard) : true;
  }
  const length = Number(announced);
  // A length that does not parse leaves no way to find where the body ends: the connection is closed.
  if (!Number.isSafeInteger(length) || length < 0) return refuse(response, 400, "Requête invalide : taille annoncée incorrecte.");
  if (length <= ANONYMOUS_BODY_LIMIT) return true;
  if (!(await options.isSignedIn(request))) return refuseBody(request, response, 413, "Requête trop volumineuse (64 Ko au plus sans être connecté).", options.discard);
  if (length > SIGNED_IN_BODY_LIMIT) return refuseBody(request, response, 413, "Fichier trop volumineux : 20 Mo au plus.", options.discard);
  return true;
}
