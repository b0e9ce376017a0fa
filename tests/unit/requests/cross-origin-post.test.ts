import { describe, expect, it } from "vitest";
import { isCrossOriginPagePost, isSameOriginPost } from "@/lib/domain/requests/cross-origin-post";

const post = (origin: string | null, extra: Partial<{ method: string; pathname: string; host: string | null; forwardedHost: string | null }> = {}) =>
  isCrossOriginPagePost({ method: "POST", pathname: "/mon-compte", origin, host: "pix.example.fr", forwardedHost: null, ...extra });

describe("a POST to a page from another site", () => {
  it("is refused when its Origin names another host (or is not an address)", () => {
    expect(post("https://attacker.invalid")).toBe(true);
    expect(post("https://pix.example.fr.attacker.invalid")).toBe(true);
    expect(post("http://pix.example.fr:8080")).toBe(true);
    expect(post("not a url")).toBe(true);
  });

  it("passes from the site itself, behind a proxy that sets X-Forwarded-Host, or without an Origin (Next decides)", () => {
    expect(post("https://pix.example.fr")).toBe(false);
    expect(post("https://pix.example.fr", { host: "127.0.0.1:3000", forwardedHost: "pix.example.fr" })).toBe(false);
    expect(post(null)).toBe(false);
    expect(post("null")).toBe(false);
  });

  it("leaves GETs and route handlers alone (the GAR posts its assertion to /api/saml/acs from its own site)", () => {
    expect(post("https://idp.gar.example", { pathname: "/api/saml/acs" })).toBe(false);
    expect(post("https://attacker.invalid", { method: "GET" })).toBe(false);
  });
});

describe("a POST whose form may be shown back (the page of an answer refused past capacity)", () => {
  const same = (origin: string | null, forwardedHost: string | null = null) => isSameOriginPost({ origin, host: "pix.example.fr", forwardedHost });
  it("only when its Origin is there and names this host (the proxy's public host when there is one)", () => {
    expect(same("https://pix.example.fr")).toBe(true);
    expect(same("https://pix.example.fr", "pix.example.fr")).toBe(true);
    expect(same("https://pix.example.fr", "autre.example.fr")).toBe(false);
    expect(same("https://attacker.invalid")).toBe(false);
    expect(same("http://pix.example.fr:8080")).toBe(false);
    expect(same("not a url")).toBe(false);
  });

  it("never for a missing or « null » Origin, which the cross-site rule lets through", () => {
    expect(same(null)).toBe(false);
    expect(same("null")).toBe(false);
    expect(isCrossOriginPagePost({ method: "POST", pathname: "/campagnes/ABC/evaluation", origin: "null", host: "pix.example.fr", forwardedHost: null })).toBe(false);
  });
});
