import { describe, expect, it } from "vitest";
import { mintSessionToken, readSessionToken, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-token";

/** Tokens already read are kept by their exact text (the answer path reads one per answer): what a hit must still refuse. */
describe("reading a session token twice", () => {
  it("gives the same claims, and a token read once is still refused past the session's lifetime", async () => {
    const now = new Date();
    const token = await mintSessionToken({ userId: 41, sessionVersion: 3, now });
    const first = await readSessionToken(token, now);
    expect(first).toMatchObject({ userId: 41, sessionVersion: 3 });
    expect(await readSessionToken(token, new Date(now.getTime() + 60_000))).toEqual(first);
    expect(await readSessionToken(token, new Date(now.getTime() + (SESSION_MAX_AGE_SECONDS + 1) * 1000))).toBeNull();
  });

  it("refuses a token that differs by one character from one already read", async () => {
    const now = new Date();
    const token = await mintSessionToken({ userId: 42, sessionVersion: 1, now });
    expect(await readSessionToken(token, now)).not.toBeNull();
    const middle = Math.floor(token.length / 2);
    const tampered = token.slice(0, middle) + (token[middle] === "A" ? "B" : "A") + token.slice(middle + 1);
    expect(await readSessionToken(tampered, now)).toBeNull();
    expect(await readSessionToken(`${token}x`, now)).toBeNull();
  });

  it("never accepts a token of another user for the one already read", async () => {
    const now = new Date();
    const [a, b] = await Promise.all([mintSessionToken({ userId: 7, sessionVersion: 1, now }), mintSessionToken({ userId: 8, sessionVersion: 1, now })]);
    expect((await readSessionToken(a, now))?.userId).toBe(7);
    expect((await readSessionToken(b, now))?.userId).toBe(8);
    expect((await readSessionToken(a, now))?.userId).toBe(7);
  });
});
