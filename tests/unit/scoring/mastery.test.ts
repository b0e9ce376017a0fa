import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { masteryPercent, masteryPercentFromRate, masteryRate, roundTo } from "@/lib/domain/scoring/mastery";

describe("mastery", () => {
  it("is a ratio when stored", () => {
    expect(masteryRate(3, 4)).toBe(0.75);
    expect(masteryRate(0, 0)).toBe(0);
  });

  it("is displayed as an integer percentage rounded half up", () => {
    expect(masteryPercent(1, 8)).toBe(13); // 12.5
    expect(masteryPercent(1, 3)).toBe(33);
    expect(masteryPercent(2, 3)).toBe(67);
    expect(masteryPercent(57, 200)).toBe(29); // 28.5, where 0.285 × 100 = 28.4999…
    expect(masteryPercent(5, 5)).toBe(100);
    expect(masteryPercent(0, 0)).toBe(0);
  });

  it("reads a stored rate like the counts would give", () => {
    expect(masteryPercentFromRate(0.285)).toBe(29);
    expect(masteryPercentFromRate(0.125)).toBe(13);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(), (targeted, seed) => {
        const validated = seed % (targeted + 1);
        return masteryPercentFromRate(validated / targeted) === masteryPercent(validated, targeted);
      }),
    );
  });

  it("refuses impossible counts", () => {
    expect(() => masteryPercent(5, 4)).toThrow(RangeError);
    expect(() => masteryPercent(-1, 4)).toThrow(RangeError);
    expect(() => masteryPercentFromRate(1.2)).toThrow(RangeError);
  });

  it("rounds decimals without binary surprises", () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(roundTo(2 / 3, 3)).toBe(0.667);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(roundTo(1e-7, 2)).toBe(0);
  });
});
