import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { sessionSecret, usesSecureCookies } from "./session-token";

/**
 * The device cookie (OWASP, "slow down online guessing attacks with device cookies"): a browser where an account
 * signed in successfully keeps a signed note of it. Failed logins on that account from elsewhere cannot lock it out
 * of this browser, so the per-account limit never turns into a denial of service against its real owner.
 */
const COOKIE = "pix-appareil";
const MAX_ACCOUNTS = 10;
const ONE_YEAR = 365 * 24 * 3600;

export type Device = { id: string; userIds: number[] };

function signature(payload: string): Buffer {
  const key = Buffer.from(hkdfSync("sha256", sessionSecret(), "", "pix-libre device cookie", 32));
  return createHmac("sha256", key).update(payload).digest();
}

export function encodeDevice(device: Device): string {
  const payload = `${device.id}.${device.userIds.join("-")}`;
  return `${payload}.${signature(payload).toString("base64url")}`;
}

export function decodeDevice(value: string | undefined): Device | null {
  const match = /^([A-Za-z0-9_-]{16,64})\.(\d+(?:-\d+)*)\.([A-Za-z0-9_-]+)$/.exec(value ?? "");
  if (!match) return null;
  const expected = signature(`${match[1]}.${match[2]}`);
  const given = Buffer.from(match[3], "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { id: match[1], userIds: match[2].split("-").map(Number) };
}

/** The device of this request, if it carries a valid cookie. */
export async function currentDevice(): Promise<Device | null> {
  return decodeDevice((await cookies()).get(COOKIE)?.value);
}

/** After a successful login: this browser now knows the account (the last ten accounts are kept). */
export async function rememberDevice(userId: number): Promise<void> {
  const existing = await currentDevice();
  const device: Device = {
    id: existing?.id ?? randomBytes(18).toString("base64url"),
    userIds: [userId, ...(existing?.userIds ?? []).filter((id) => id !== userId)].slice(0, MAX_ACCOUNTS),
  };
  (await cookies()).set(COOKIE, encodeDevice(device), { httpOnly: true, sameSite: "lax", path: "/", secure: usesSecureCookies(), maxAge: ONE_YEAR });
}
