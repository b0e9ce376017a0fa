import "server-only";
import { headers } from "next/headers";

/** The client's address for rate limiting (first X-Forwarded-For hop set by the reverse proxy). */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "local";
}
