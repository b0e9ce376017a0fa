import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "@/lib/domain/shared/format-date";

describe("French dates", () => {
  it("are dd/mm/yyyy in Europe/Paris", () => {
    expect(formatDate(new Date("2026-03-05T12:00:00Z"))).toBe("05/03/2026");
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
    expect(formatDateTime(new Date("2026-07-14T08:05:00Z"))).toBe("14/07/2026 à 10:05");
  });
});
