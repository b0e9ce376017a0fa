import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { outgoingRelayState, relayStatePath } from "@/lib/saml/relay-state";

const APP_URL = "https://app.pix-libre.test";

describe("RelayState: only a page of this site is followed after a GAR sign-in", () => {
  it("keeps a path of ours, or an absolute address on our origin, as a path", () => {
    expect(relayStatePath("/campagnes/ABCDEF234", APP_URL)).toBe("/campagnes/ABCDEF234");
    expect(relayStatePath("  /competences  ", APP_URL)).toBe("/competences");
    expect(relayStatePath("https://app.pix-libre.test/campagnes/X?y=1#z", APP_URL)).toBe("/campagnes/X?y=1#z");
    expect(relayStatePath("campagnes", APP_URL)).toBe("/campagnes");
  });

  it.each([
    ["another site", "https://attacker.invalid/"],
    ["protocol-relative", "//attacker.invalid/"],
    ["tab that browsers strip", "/\t/attacker.invalid/"],
    ["line breaks that browsers strip", "/\r\n/attacker.invalid/"],
    ["backslashes read as slashes", "/\\attacker.invalid/"],
    ["backslash first", "\\\\attacker.invalid"],
    ["dot segment collapsing to //", "/.//attacker.invalid"],
    ["our host over plain http", "http://app.pix-libre.test/campagnes"],
    ["our host on another port", "https://app.pix-libre.test:8443/"],
    ["a look-alike host", "https://app.pix-libre.test.attacker.invalid/"],
    ["credentials before a host", "https://app.pix-libre.test@attacker.invalid/"],
    ["javascript", "javascript:alert(document.domain)"],
    ["data", "data:text/html,<script>alert(1)</script>"],
    ["an empty value", ""],
    ["a novel", `/${"a".repeat(5000)}`],
  ])("refuses %s", (_label, value) => {
    expect(relayStatePath(value, APP_URL)).toBeNull();
  });

  it("never returns anything a browser would send to another site", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath(), fc.constantFrom("/", "//", "\\", "/\t/", "https://", "@", "%2F")).chain((a) => fc.tuple(fc.constant(a), fc.string())), ([start, rest]) => {
        const path = relayStatePath(start + rest, APP_URL);
        if (path === null) return;
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(new URL(path, APP_URL).origin).toBe(APP_URL);
      }),
      { numRuns: 500 },
    );
    // Generous: the suite shares the machine with builds.
  }, 30_000);

  it("sends at most 80 bytes to the GAR (SAML bindings), and nothing when the page does not fit", () => {
    expect(outgoingRelayState("/campagnes/ABCDEF234", APP_URL)).toBe("/campagnes/ABCDEF234");
    expect(outgoingRelayState(`/${"é".repeat(40)}`, APP_URL)).toBe("");
    expect(outgoingRelayState("https://attacker.invalid/", APP_URL)).toBe("");
    expect(outgoingRelayState(null, APP_URL)).toBe("");
  });
});
