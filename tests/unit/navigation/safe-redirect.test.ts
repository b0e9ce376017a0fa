import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeRedirectPath } from "@/lib/domain/navigation/safe-redirect";

const APP = "http://localhost:3000";
const safe = (value: string | undefined) => safeRedirectPath(value, "/", APP);

describe("safeRedirectPath", () => {
  it("keeps the app's own paths, with their query", () => {
    expect(safe("/campagnes/ABCDEF234")).toBe("/campagnes/ABCDEF234");
    expect(safe("/orga?onglet=mes")).toBe("/orga?onglet=mes");
    expect(safe("/campagnes/ABCDEF234/rejoindre")).toBe("/campagnes/ABCDEF234/rejoindre");
  });

  it("refuses other sites and odd values", () => {
    for (const value of ["https://evil.example", "//evil.example", "/\\evil", "", undefined, "javascript:alert(1)", "evil.example/x"]) {
      expect(safe(value)).toBe("/");
    }
  });

  it("refuses what a browser turns into another site (tab, line breaks, backslashes, dot segments)", () => {
    for (const value of ["/\t/attacker.invalid/", "/\n/attacker.invalid", "/\r\n/attacker.invalid", "/\\/attacker.invalid", "/./\\attacker.invalid", "/.//attacker.invalid", "/%2e//attacker.invalid", "/ /attacker.invalid".replace(" ", "\t")]) {
      expect(safe(value), JSON.stringify(value)).toBe("/");
    }
  });

  it("never returns a value that a browser resolves off the app's origin (property)", () => {
    const pieces = fc.constantFrom("/", "\\", "\t", "\n", "\r", ".", "..", "%2e", "%2f", "%5c", "@", ":", "attacker.invalid", "orga", "?x=//a", "#", " ", "\u0000");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(""))), (value) => {
        const result = safe(value);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//") || result.startsWith("/\\")).toBe(false);
        expect(/[\t\n\r]/.test(result)).toBe(false);
        expect(new URL(result, APP).origin).toBe(APP);
        // …and the same holds when the browser resolves it against another page of the app.
        expect(new URL(result, `${APP}/campagnes/ABC/`).origin).toBe(APP);
      }),
      { numRuns: 2000 },
    );
  });
});
