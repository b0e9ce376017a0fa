import { describe, expect, it } from "vitest";
import { fileName, sanitizeFileNamePart } from "@/lib/domain/export/file-name";

describe("results file name", () => {
  it("is Resultats-<name>-<id>-<YYYY-MM-DD-HHmm>.csv in Paris time", () => {
    expect(fileName("Rentrée 5e", 42, new Date("2026-09-15T14:05:00Z"))).toBe("Resultats-Rentrée 5e-42-2026-09-15-1605.csv");
    // 23:30 UTC in winter is already the next day, 00:30, in Paris.
    expect(fileName("B2", 7, new Date("2026-01-15T23:30:00Z"))).toBe("Resultats-B2-7-2026-01-16-0030.csv");
  });

  it("makes the campaign name safe for file systems", () => {
    expect(sanitizeFileNamePart('a/b\\c:d*e?f"g<h>i|j')).toBe("a_b_c_d_e_f_g_h_i_j");
    expect(sanitizeFileNamePart("  deux   espaces\n")).toBe("deux espaces");
    expect(sanitizeFileNamePart("..")).toBe("campagne");
    expect(sanitizeFileNamePart("")).toBe("campagne");
    expect(Array.from(sanitizeFileNamePart("é".repeat(300)))).toHaveLength(100);
  });
});
