import { describe, expect, it } from "vitest";
import { studentT975, trendOf, trendText } from "../../../bench/answer-load/trend";

describe("the soak's memory trend (slope with its 95 % interval)", () => {
  it("finds the slope of a straight line exactly, with an interval of zero width", () => {
    const t = trendOf([100, 102, 104, 106, 108], 0.5); // +2 MB every half minute
    expect(t.slope).toBeCloseTo(4, 10);
    expect(t.high - t.low).toBeCloseTo(0, 10);
  });

  it("gives the textbook interval for noisy points (hand-computed: slope 0.5, residuals² 2.7, SE 0.3, t(3) = 3.182)", () => {
    const t = trendOf([1, 3, 2, 4, 3], 1);
    expect(t.slope).toBeCloseTo(0.5, 10);
    expect(t.high - t.slope).toBeCloseTo(3.182 * 0.3, 6);
    expect(trendText(t, "Mo/min")).toContain("pas de pente démontrée");
  });

  it("with 0 in the interval, says how much growth per hour the interval still allows (a 10-minute soak is not a school day)", () => {
    const t = trendOf([1, 3, 2, 4, 3], 1);
    expect(trendText(t, "Mo/min")).toContain(`une croissance jusqu'à +${(t.high * 60).toFixed(2)} Mo/h n'est pas exclue`);
    expect(trendText(trendOf([10, 11.1, 11.9, 13.05, 14, 14.9], 1), "Mo/min")).not.toContain("/h");
  });

  it("says a growth is shown when the whole interval is above 0", () => {
    const t = trendOf([10, 11.1, 11.9, 13.05, 14, 14.9], 1);
    expect(t.low).toBeGreaterThan(0);
    expect(trendText(t, "Mo/min")).toContain("croissance démontrée");
  });

  it("refuses to state a trend from fewer than 3 points", () => {
    expect(Number.isNaN(trendOf([1, 2], 1).slope)).toBe(true);
    expect(trendText(trendOf([1, 2], 1), "Mo/min")).toContain("trop peu");
  });

  it("uses Student's t for few degrees of freedom and the normal beyond 30", () => {
    expect(studentT975(1)).toBe(12.706);
    expect(studentT975(10)).toBe(2.228);
    expect(studentT975(200)).toBe(1.96);
  });
});
