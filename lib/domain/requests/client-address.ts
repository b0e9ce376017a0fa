import { isIP } from "node:net";

/**
 * The address a request comes from, for limits and the audit log.
 *
 * `X-Forwarded-For` is a list that every proxy extends on the right; anything on its left may have been written by
 * the client itself. With `trustedProxyHops = 0` (the app faces the internet) only the socket counts. Behind n
 * reverse proxies that each append the address they received the request from, the client is the n-th entry
 * from the right of [...X-Forwarded-For, socket address]; when the list is shorter (a request that did not go
 * through every proxy), the left-most entry is the best we have, as for Express's `trust proxy` hop count.
 */
export function clientAddressFrom(input: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trustedProxyHops: number }): string {
  const socket = normalizeAddress(input.socketAddress ?? "") ?? "inconnue";
  if (input.trustedProxyHops <= 0) return socket;
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? "");
  const forwarded = header.split(",").map((hop) => hop.trim()).filter(Boolean);
  const chain = [...forwarded, socket];
  const picked = chain[Math.max(0, chain.length - 1 - input.trustedProxyHops)];
  // A trusted proxy writes addresses only; anything else means a misconfigured chain: keep the proxy's address.
  return normalizeAddress(picked) ?? socket;
}

/** An IP address without its IPv4-mapped IPv6 prefix or port, or null when it is not an address. */
export function normalizeAddress(value: string): string | null {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.replace(/:\d+$/, "");
  if (address.toLowerCase().startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address.toLowerCase() : null;
}

/**
 * The key under which an address is limited. An IPv6 subscriber gets a whole /64 (and often more): counting each
 * address separately would let one machine escape every per-address limit, so IPv6 addresses count per /64.
 */
export function addressLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const fill = address.includes("::") ? Array(8 - left.length - right.length).fill("0") : [];
  return [...left, ...fill, ...right].map((group) => group.replace(/^0+(?=.)/, "").toLowerCase());
}
