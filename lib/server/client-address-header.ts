/**
 * The header in which our server passes the client's address to the app. Any value a client sends is replaced:
 * the app trusts it only when it runs inside that server, which marks the process.
 */
export const CLIENT_ADDRESS_HEADER = "x-pix-client-address";

const MARK = Symbol.for("pix-libre.request-gate");

export function markServedByRequestGate(): void {
  (globalThis as Record<symbol, unknown>)[MARK] = true;
}

export function isServedByRequestGate(): boolean {
  return (globalThis as Record<symbol, unknown>)[MARK] === true;
}
