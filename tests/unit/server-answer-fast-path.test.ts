import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { contentCoding, cookiesFromHeader, fastPathCode, routeHeaders } from "@/lib/server/answer-fast-path";

/** Which requests scripts/server.ts answers without Next.js (ADR 0018): the script's answer, nothing else. */
const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as unknown as IncomingMessage;
const FLOW = { "x-pix-flow": "1" };

describe("the answer's fast path takes", () => {
  it("the script's POST to the question page, by its exact address (query ignored)", () => {
    expect(fastPathCode(request("POST", "/campagnes/ABCDEF123/evaluation", FLOW))).toBe("ABCDEF123");
    expect(fastPathCode(request("POST", "/campagnes/abc123/evaluation?x=1", FLOW))).toBe("abc123");
  });

  it("nothing else: a plain form, a GET, a server action, another page, an address Next.js would normalize first", () => {
    expect(fastPathCode(request("POST", "/campagnes/ABC/evaluation"))).toBeNull();
    expect(fastPathCode(request("POST", "/campagnes/ABC/evaluation", { "x-pix-flow": "true" }))).toBeNull();
    expect(fastPathCode(request("GET", "/campagnes/ABC/evaluation", FLOW))).toBeNull();
    expect(fastPathCode(request("POST", "/campagnes/ABC/evaluation", { ...FLOW, "next-action": "abc" }))).toBeNull();
    for (const url of ["/campagnes/ABC/evaluation/", "/campagnes/ABC/checkpoint", "/campagnes/A%42C/evaluation", "//campagnes/ABC/evaluation", "http://autre.example/campagnes/ABC/evaluation", "/Campagnes/ABC/evaluation", "/campagnes/ABC/evaluation/../evaluation"]) {
      expect(fastPathCode(request("POST", url, FLOW)), url).toBeNull();
    }
  });
});

describe("the Cookie header, read as Next.js reads request.cookies", () => {
  it("splits the pairs, decodes the values, keeps the last of a name, skips what does not decode, a name alone is true", () => {
    expect(cookiesFromHeader("a=1; next-auth.session-token=x%2Ey;b=2; a=3; bad=%E0%A4%A; =v; lone")).toEqual({ a: "3", "next-auth.session-token": "x.y", b: "2", "": "v", lone: "true" });
    expect(cookiesFromHeader(null)).toEqual({});
  });
});

describe("the headers Next.js would add to the route's reply (next.config.ts, proxy.ts)", () => {
  it("over https: HSTS and upgrade-insecure-requests, a fresh nonce each time; over http neither", () => {
    const https = routeHeaders({ appUrl: "https://app.example.fr", orgaUrl: undefined, isDevelopment: false });
    expect(https["strict-transport-security"]).toBe("max-age=63072000");
    expect(https["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(https["x-content-type-options"]).toBe("nosniff");
    expect(https["x-frame-options"]).toBe("DENY");
    const nonce = (headers: Record<string, string>) => /'nonce-([^']+)'/.exec(headers["content-security-policy"])?.[1];
    expect(nonce(https)).not.toBe(nonce(routeHeaders({ appUrl: "https://app.example.fr", orgaUrl: undefined, isDevelopment: false })));
    const http = routeHeaders({ appUrl: "http://localhost:3000", orgaUrl: undefined, isDevelopment: false });
    expect(http["strict-transport-security"]).toBeUndefined();
    expect(http["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });
});

describe("the reply's compression, as next start's compression negotiates it", () => {
  it("weighs the q-values: gzip first, deflate when gzip is refused or absent, nothing when neither is acceptable", () => {
    const coding = (acceptEncoding?: string) => contentCoding({ headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } });
    expect(coding("gzip, deflate, br, zstd")).toBe("gzip");
    expect(coding("GZIP")).toBe("gzip");
    expect(coding("*")).toBe("gzip");
    expect(coding("deflate, gzip")).toBe("gzip");
    expect(coding("deflate")).toBe("deflate");
    expect(coding("gzip;q=0, deflate")).toBe("deflate");
    for (const refused of [undefined, "", "identity", "br", "gzip;q=0", "identity;q=0"]) expect(coding(refused), String(refused)).toBeNull();
  });
});
