import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { mintSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { hasValidSessionCookie } from "@/lib/server/session-cookie-check";

const withCookie = (cookie: string) => ({ headers: { cookie } }) as unknown as IncomingMessage;

describe("the request gate's look at the session cookie", () => {
  it("takes a cookie whose percent-encoding is broken for no session, instead of throwing (a 500 before)", async () => {
    await expect(hasValidSessionCookie(withCookie(`${sessionCookieName()}=%E0%A4%A`))).resolves.toBe(false);
  });

  it("takes a token that does not decode with our key for no session", async () => {
    await expect(hasValidSessionCookie(withCookie(`${sessionCookieName()}=abc.def`))).resolves.toBe(false);
    await expect(hasValidSessionCookie(withCookie("autre=1"))).resolves.toBe(false);
  });
});

describe("the request gate reads the session cookie as Next.js does (mends, 07/12)", () => {
  it("with the session cookie twice, the last one decides; one that does not decode is skipped", async () => {
    const valid = await mintSessionToken({ userId: 1, sessionVersion: 0, now: new Date() });
    const name = sessionCookieName();
    await expect(hasValidSessionCookie(withCookie(`a=1; ${name}=${valid}; ${name}=faux`))).resolves.toBe(false);
    await expect(hasValidSessionCookie(withCookie(`a=1; ${name}=faux; ${name}=${valid}`))).resolves.toBe(true);
    await expect(hasValidSessionCookie(withCookie(`${name}=%E0%A4%A; ${name}=${valid}`))).resolves.toBe(true);
    await expect(hasValidSessionCookie(withCookie(`${name}=${valid}; ${name}=%E0%A4%A`))).resolves.toBe(true);
    await expect(hasValidSessionCookie(withCookie(`${name}=`))).resolves.toBe(false);
    await expect(hasValidSessionCookie(withCookie(""))).resolves.toBe(false);
    await expect(hasValidSessionCookie({ headers: {} } as IncomingMessage)).resolves.toBe(false);
  });
});
