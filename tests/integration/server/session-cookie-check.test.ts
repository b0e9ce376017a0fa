import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { sessionCookieName } from "@/lib/auth/session-token";
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
