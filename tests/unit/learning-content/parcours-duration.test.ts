import { describe, expect, it } from "vitest";
import { estimatedMinutes } from "@/lib/domain/learning-content/parcours-duration";

describe("estimated duration of a parcours", () => {
  it("follows the questions the adaptive bench asks, as a range in 5-minute steps", () => {
    expect(estimatedMinutes(16, 32)).toEqual({ from: 15, to: 25 });
    expect(estimatedMinutes(32, 155)).toEqual({ from: 50, to: 80 });
    expect(estimatedMinutes(6, 25)).toEqual({ from: 10, to: 15 });
  });

  it("never gives an empty or shrinking range", () => {
    let previous = 0;
    for (const [subjects, skills] of [[3, 6], [5, 20], [8, 30], [16, 60], [32, 160]]) {
      const r = estimatedMinutes(subjects, skills);
      expect(r.from % 5 === 0 && r.to % 5 === 0 && r.from < r.to).toBe(true);
      expect(r.to).toBeGreaterThanOrEqual(previous);
      previous = r.to;
    }
  });
});
