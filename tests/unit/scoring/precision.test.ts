import { describe, expect, it } from "vitest";
import { pointsText, precisionPoints, precisionRange } from "@/lib/domain/scoring/precision";

describe("the ± shown beside a result", () => {
  it("is 2σ in points, to the half point", () => {
    // standard error 0.022 → 2σ = 4.4 points: shown 4,5 (a whole point would have shown 4).
    expect(precisionPoints(0.022)).toBe(4.5);
    expect(precisionPoints(0.021)).toBe(4);
    expect(precisionPoints(0.0237)).toBe(4.5);
    expect(precisionPoints(0.0238)).toBe(5);
    expect(precisionPoints(0.03)).toBe(6);
  });

  it("rounds the half of a step up, whatever the binary value of 2σ", () => {
    // 200 × 0.02125 = 4.250000000000001 or 4.249999999999999 depending on the operations: always 4,5.
    expect(precisionPoints(0.02125)).toBe(4.5);
    expect(precisionPoints(0.01375)).toBe(3);
  });

  it("is at least one point (the percentage itself is rounded to a whole point), and absent without a standard error", () => {
    expect(precisionPoints(0)).toBe(1);
    expect(precisionPoints(0.003)).toBe(1);
    expect(precisionPoints(0.0063)).toBe(1.5);
    expect(precisionPoints(null)).toBeNull();
    expect(precisionPoints(undefined)).toBeNull();
    expect(precisionPoints(Number.NaN)).toBeNull();
    expect(precisionPoints(-0.01)).toBeNull();
  });

  it("is written with a decimal comma, and stands for a range kept within 0–100 %", () => {
    expect(pointsText(4.5)).toBe("4,5");
    expect(pointsText(6)).toBe("6");
    expect(precisionRange(62, 4.5)).toEqual({ low: 57.5, high: 66.5 });
    expect(precisionRange(98, 4.5)).toEqual({ low: 93.5, high: 100 });
    expect(precisionRange(2, 6)).toEqual({ low: 0, high: 8 });
  });
});
