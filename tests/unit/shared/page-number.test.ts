import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LAST_PAGE, pageNumber } from "@/lib/domain/shared/page-number";

describe("pageNumber", () => {
  it("reads a page number typed in the URL", () => {
    expect(pageNumber("3")).toBe(3);
    expect(pageNumber(undefined)).toBe(1);
  });

  it("turns what no link produces into page 1, and caps the rest", () => {
    for (const raw of ["", "abc", "0", "-3", "NaN", "99999999999999999999", ["2", "3"]]) expect(pageNumber(raw)).toBe(1);
    expect(pageNumber("1e309")).toBe(1);
    expect(pageNumber("2147483648")).toBe(LAST_PAGE);
  });

  it("always gives a whole number from 1 to LAST_PAGE", () => {
    fc.assert(fc.property(fc.string(), (raw) => Number.isInteger(pageNumber(raw)) && pageNumber(raw) >= 1 && pageNumber(raw) <= LAST_PAGE), { seed: 7, numRuns: 1000 });
  });
});
