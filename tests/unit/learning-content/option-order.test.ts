import { describe, expect, it } from "vitest";
import { optionOrder } from "@/lib/domain/learning-content/option-order";

describe("optionOrder", () => {
  it("is a permutation of 1..n", () => {
    for (let n = 1; n <= 8; n++) {
      for (let s = 0; s < 50; s++) {
        const order = optionOrder(String(s), "ch-x-1-a", n);
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      }
    }
  });

  it("is stable for the same assessment and challenge, and differs between challenges", () => {
    expect(optionOrder("42", "ch-a-1-a", 5)).toEqual(optionOrder("42", "ch-a-1-a", 5));
    const orders = new Set(["ch-a-1-a", "ch-a-1-b", "ch-a-2-a", "ch-b-1-a", "ch-c-3-b"].map((id) => optionOrder("42", id, 5).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("puts the first proposal at every position about equally often (chi-square, 4 options, 20,000 seeds)", () => {
    const n = 4;
    const runs = 20_000;
    const counts = new Array(n).fill(0);
    for (let s = 0; s < runs; s++) counts[optionOrder(String(s), "ch-mots-cles-recherche-2-a", n).indexOf(1)]++;
    const expected = runs / n;
    const chiSquare = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 3 degrees of freedom: P(χ² > 16.27) = 0.001.
    expect(chiSquare).toBeLessThan(16.27);
  });

  it("makes every one of the 24 orders of 4 options appear about equally often", () => {
    const runs = 24_000;
    const counts = new Map<string, number>();
    for (let s = 0; s < runs; s++) {
      const key = optionOrder(`assessment-${s}`, "ch-z-3-c", 4).join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    const expected = runs / 24;
    const chiSquare = [...counts.values()].reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 23 degrees of freedom: P(χ² > 49.73) = 0.001.
    expect(chiSquare).toBeLessThan(49.73);
  });
});
