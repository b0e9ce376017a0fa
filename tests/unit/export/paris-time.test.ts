import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatParisDate, formatParisDateTime, intlParisDateParts, parisDateParts } from "@/lib/domain/export/paris-time";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Last Sunday of a month at 01:00 UTC: when Paris changes clocks (EU rule since 1996; 1990–1995 ended in September). */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

const expectSameAsIntl = (ms: number) => {
  const date = new Date(ms);
  const { year, month, day, hour, minute } = intlParisDateParts(date);
  expect(parisDateParts(date)).toEqual({ year, month, day, hour, minute });
  expect(formatParisDate(date)).toBe(`${day}/${month}/${year}`);
  expect(formatParisDateTime(date)).toBe(`${day}/${month}/${year} ${hour}:${minute}`);
};

describe("Paris clock", () => {
  it("follows summer time to the millisecond around the changes", () => {
    expect(formatParisDateTime(new Date("2026-03-29T00:59:59.999Z"))).toBe("29/03/2026 01:59");
    expect(formatParisDateTime(new Date("2026-03-29T01:00:00.000Z"))).toBe("29/03/2026 03:00");
    expect(formatParisDateTime(new Date("2026-10-25T00:59:59.999Z"))).toBe("25/10/2026 02:59");
    expect(formatParisDateTime(new Date("2026-10-25T01:00:00.000Z"))).toBe("25/10/2026 02:00");
    expect(formatParisDate(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
    expect(formatParisDateTime(new Date("2024-02-29T22:59:00Z"))).toBe("29/02/2024 23:59");
  });

  it("reads Intl for what has no whole-minute offset (Paris mean time, 1900) and refuses an invalid date", () => {
    expectSameAsIntl(Date.UTC(1900, 5, 1, 12, 30));
    expectSameAsIntl(Date.UTC(1911, 2, 10, 23, 55));
    expect(() => formatParisDateTime(new Date("invalid"))).toThrow(RangeError);
  });

  it("is Intl's reading of any instant from 1990 to 2100 (property)", () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) }), expectSameAsIntl), { numRuns: 5000 });
  });

  it("is Intl's reading on the days the clocks change, 1990 to 2100 (property)", () => {
    const changeDay = fc
      .tuple(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(2, 8, 9))
      .map(([year, month]) => lastSundayAt1Utc(year, month));
    const around = fc.tuple(changeDay, fc.integer({ min: -DAY_MS, max: DAY_MS })).map(([change, delta]) => change + delta);
    const edges = fc.tuple(changeDay, fc.integer({ min: -2, max: 2 }), fc.constantFrom(-1, 0, 1)).map(([change, hours, ms]) => change + hours * HOUR_MS + ms);
    fc.assert(fc.property(fc.oneof(around, edges), expectSameAsIntl), { numRuns: 5000 });
  });
});
