import { describe, expect, it } from "vitest";
import { authenticate, LoginError } from "@/lib/auth/authenticate";
import type { Device } from "@/lib/auth/device-cookie";
import { db } from "@/lib/db/client";
import { LIMITS } from "@/lib/domain/limits/limits";
import { createUser } from "../../support/factories";

const PASSWORD = "Pix12345";

async function attempt(login: string, password: string, address: string, device: Device | null = null): Promise<"OK" | LoginError["code"]> {
  try {
    await authenticate({ login, password, address, device });
    return "OK";
  } catch (error) {
    if (error instanceof LoginError) return error.code;
    throw error;
  }
}

async function fail(times: number, login: string, address: (i: number) => string) {
  for (let i = 0; i < times; i++) expect(await attempt(login, "Mauvais1", address(i))).toBe("INVALID_CREDENTIALS");
}

describe("authenticate", () => {
  it("logs in with an e-mail in any case, or with a username", async () => {
    const user = await createUser({ email: "lea@example.org", username: "lea.dupont0112" });
    expect((await authenticate({ login: "LEA@example.org", password: PASSWORD, address: "198.51.100.1", device: null })).id).toBe(user.id);
    expect((await authenticate({ login: "lea.dupont0112", password: PASSWORD, address: "198.51.100.1", device: null })).id).toBe(user.id);
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved.lastLoggedAt).not.toBeNull();
  });

  it("gives the same error for an unknown account and a wrong password", async () => {
    await createUser({ email: "lea@example.org" });
    expect(await attempt("personne@example.org", PASSWORD, "198.51.100.1")).toBe("INVALID_CREDENTIALS");
    expect(await attempt("lea@example.org", "Mauvais1", "198.51.100.1")).toBe("INVALID_CREDENTIALS");
  });
});

describe("login limits", () => {
  it("after 10 failures from one address, that address is refused even the right password; the owner elsewhere is not", async () => {
    await createUser({ email: "lea@example.org" });
    await fail(LIMITS.loginFailuresByLoginAndAddress.points, "lea@example.org", () => "203.0.113.5");
    expect(await attempt("lea@example.org", PASSWORD, "203.0.113.5")).toBe("BLOCKED");
    expect(await attempt("lea@example.org", PASSWORD, "198.51.100.20")).toBe("OK");
  });

  it("an unknown login is blocked the same way (blocking tells nothing about who has an account)", async () => {
    await fail(LIMITS.loginFailuresByLoginAndAddress.points, "personne@example.org", () => "203.0.113.5");
    expect(await attempt("personne@example.org", PASSWORD, "203.0.113.5")).toBe("BLOCKED");
  });

  it("one address spraying one password over many accounts is stopped, whatever account it tries next", async () => {
    const victim = await createUser({ email: "victime@example.org" });
    for (let i = 0; i < LIMITS.loginFailuresByAddress.points; i++) expect(await attempt(`eleve${i}@example.org`, "Azerty123", "203.0.113.66")).toBe("INVALID_CREDENTIALS");
    expect(await attempt("victime@example.org", PASSWORD, "203.0.113.66")).toBe("BLOCKED");
    expect((await authenticate({ login: "victime@example.org", password: PASSWORD, address: "198.51.100.7", device: null })).id).toBe(victim.id);
  }, 60_000);

  it("an address spent by spraying still lets in the right password on a browser where that account signed in before", async () => {
    const user = await createUser({ email: "prof@example.org" });
    const device: Device = { id: "appareil-de-la-prof-0002", userIds: [user.id] };
    for (let i = 0; i < LIMITS.loginFailuresByAddress.points; i++) expect(await attempt(`eleve${i}@example.org`, "Azerty123", "203.0.113.67")).toBe("INVALID_CREDENTIALS");
    expect(await attempt("prof@example.org", PASSWORD, "203.0.113.67")).toBe("BLOCKED");
    expect(await attempt("prof@example.org", PASSWORD, "203.0.113.67", device)).toBe("OK");
    // A device cookie of another account exempts nothing; failures through the cookie are still counted.
    expect(await attempt("prof@example.org", PASSWORD, "203.0.113.67", { id: "appareil-dun-autre-0002", userIds: [user.id + 1] })).toBe("BLOCKED");
    expect(await attempt("prof@example.org", "Mauvais1", "203.0.113.67", device)).toBe("INVALID_CREDENTIALS");
    const counters = await db.rateLimit.findMany({ where: { key: { in: [`loginFailuresByDevice:${device.id}`, `loginFailuresByAccount:compte-${user.id}`] } } });
    expect(counters.map((row) => row.points).sort()).toEqual([1, 1]);
  }, 60_000);

  it("failures from many addresses hold the account, but not on a browser where its owner already signed in", async () => {
    const user = await createUser({ email: "prof@example.org" });
    const device: Device = { id: "appareil-de-la-prof-0001", userIds: [user.id] };
    await fail(LIMITS.loginFailuresByAccount.points, "prof@example.org", (i) => `192.0.2.${i + 1}`);
    expect(await attempt("prof@example.org", PASSWORD, "198.51.100.30")).toBe("BLOCKED");
    expect(await attempt("prof@example.org", PASSWORD, "198.51.100.30", device)).toBe("OK");
    // A device cookie of another account exempts nothing.
    expect(await attempt("prof@example.org", PASSWORD, "198.51.100.31", { id: "appareil-dun-autre-0001", userIds: [user.id + 1] })).toBe("BLOCKED");
  }, 60_000);

  it("a device cookie that keeps failing loses its exemption", async () => {
    const user = await createUser({ email: "prof@example.org" });
    const device: Device = { id: "appareil-partage-000001", userIds: [user.id] };
    await fail(LIMITS.loginFailuresByAccount.points - LIMITS.loginFailuresByDevice.points, "prof@example.org", (i) => `192.0.2.${i + 1}`);
    for (let i = 0; i < LIMITS.loginFailuresByDevice.points; i++) expect(await attempt("prof@example.org", "Mauvais1", `192.0.2.${100 + i}`, device)).toBe("INVALID_CREDENTIALS");
    expect(await attempt("prof@example.org", PASSWORD, "198.51.100.40", device)).toBe("BLOCKED");
  }, 60_000);

  it("addresses of one IPv6 /64 count as one", async () => {
    await createUser({ email: "lea@example.org" });
    await fail(LIMITS.loginFailuresByLoginAndAddress.points, "lea@example.org", (i) => `2001:db8:aa:bb::${i + 1}`);
    expect(await attempt("lea@example.org", PASSWORD, "2001:db8:aa:bb:ffff::1")).toBe("BLOCKED");
    expect(await attempt("lea@example.org", PASSWORD, "2001:db8:aa:cc::1")).toBe("OK");
  });

  it("a success from an address wipes that address's failures on the account", async () => {
    await createUser({ email: "lea@example.org" });
    await fail(LIMITS.loginFailuresByLoginAndAddress.points - 1, "lea@example.org", () => "203.0.113.5");
    expect(await attempt("lea@example.org", PASSWORD, "203.0.113.5")).toBe("OK");
    await fail(LIMITS.loginFailuresByLoginAndAddress.points - 1, "lea@example.org", () => "203.0.113.5");
    expect(await attempt("lea@example.org", PASSWORD, "203.0.113.5")).toBe("OK");
  });

  it("counts concurrent failures without losing any", async () => {
    await createUser({ email: "lea@example.org" });
    await Promise.all(Array.from({ length: LIMITS.loginFailuresByLoginAndAddress.points }, () => attempt("lea@example.org", "Mauvais1", "203.0.113.9")));
    expect(await attempt("lea@example.org", PASSWORD, "203.0.113.9")).toBe("BLOCKED");
  });
});
