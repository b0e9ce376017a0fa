import fc from "fast-check";
import { describe, expect, it } from "vitest";
// Next.js's own parser (what `cookies()` and `request.cookies` read): the rule every reader of ours follows.
import { parseCookie as nextParseCookie } from "next/dist/compiled/@edge-runtime/cookies";
import { cookieFromHeader, parseCookieHeader } from "@/lib/domain/requests/cookie-header";
import { gateArrivalProver, provenArrival } from "@/lib/server/arrival-proof";
import { cookiesFromHeader } from "@/lib/server/answer-fast-path";

const TOKEN = "next-auth.session-token";

/**
 * One way to read a Cookie header (mends, 07/12): the request gate, the answer gate's arrival prover, the answer's fast
 * path and Next.js's copy must see the same session, or the proof is signed with one token and checked with another.
 */
describe("the Cookie header, read as Next.js reads it", () => {
  it("agrees with Next.js's own parser on any header (names and values made of the awkward characters)", () => {
    const piece = fc.constantFrom("a", "b", TOKEN, "=", ";", "; ", " ", "%", "%E0%A4%A", "%3D", "%2E", "x.y", "", "\t");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((parts) => parts.join("")), (header) => {
        expect([...parseCookieHeader(header)]).toEqual([...nextParseCookie(header)]);
      }),
    );
  });

  it("keeps the last pair of a name, skips a value that does not decode (an earlier one stays), a name alone is true", () => {
    expect(cookieFromHeader(`a=1; ${TOKEN}=X; ${TOKEN}=Y`, TOKEN)).toBe("Y");
    expect(cookieFromHeader(`${TOKEN}=X; ${TOKEN}=%E0%A4%A`, TOKEN)).toBe("X");
    expect(cookieFromHeader(`${TOKEN}=%E0%A4%A; ${TOKEN}=Y`, TOKEN)).toBe("Y");
    expect(cookieFromHeader(`${TOKEN}=%E0%A4%A`, TOKEN)).toBeNull();
    expect(cookieFromHeader(`${TOKEN}=abc%3D`, TOKEN)).toBe("abc=");
    expect(cookieFromHeader(`${TOKEN}=`, TOKEN)).toBe("");
    expect(cookieFromHeader(TOKEN, TOKEN)).toBe("true");
    for (const empty of ["", null, undefined]) expect(cookieFromHeader(empty, TOKEN)).toBeNull();
  });
});

describe("every reader of the session cookie follows that one rule", () => {
  const headers = [
    `a=1; ${TOKEN}=X; ${TOKEN}=Y`,
    `${TOKEN}=X; ${TOKEN}=%E0%A4%A`,
    `${TOKEN}=%E0%A4%A; ${TOKEN}=Y`,
    `a=1; ${TOKEN}=abc%3D; b=2`,
    `${TOKEN}=%E0%A4%A`,
    `${TOKEN}=`,
    "",
  ];

  it("the fast path's cookies hold the token Next.js reads", () => {
    for (const header of headers) expect(cookiesFromHeader(header)[TOKEN] ?? null, header).toBe(nextParseCookie(header).get(TOKEN) ?? null);
  });

  it("the answer gate signs its proof with the token Next.js reads, which the route then checks it against", () => {
    const KEY = "clé de test";
    const prove = gateArrivalProver(KEY, TOKEN);
    const form = new URLSearchParams({ challengeId: "rec-1", intent: "skip" });
    const at = 1_780_000_000_000;
    for (const header of headers) {
      const proof = prove({ url: "/campagnes/ABC123/evaluation", headers: { cookie: header, "content-type": "application/x-www-form-urlencoded" } }, form.toString(), at);
      const nextToken = nextParseCookie(header).get(TOKEN);
      // No session as Next.js reads it: nothing to prove.
      if (!nextToken) {
        expect(proof, header).toBeNull();
        continue;
      }
      expect(provenArrival(KEY, proof, { campaignCode: "ABC123", sessionToken: nextToken, form }, at + 1)?.getTime(), header).toBe(at);
    }
  });
});
