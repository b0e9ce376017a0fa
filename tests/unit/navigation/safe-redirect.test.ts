import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/domain/navigation/safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirectPath("/campagnes/ABCDEF234", "/")).toBe("/campagnes/ABCDEF234");
  });
  it("refuses other sites and odd values", () => {
    for (const value of ["https://evil.example", "//evil.example", "/\\evil", "", undefined, "javascript:alert(1)"]) {
      expect(safeRedirectPath(value, "/")).toBe("/");
    }
  });
});
