import { describe, expect, it } from "vitest";
import { MAX_ANSWER_ATTEMPTS, retryDelayMs } from "@/lib/domain/participations/retry-delay";

describe("retry delay after « Trop de monde en même temps »", () => {
  it("waits at least half the server's Retry-After, grows exponentially and is capped", () => {
    expect(retryDelayMs(0, 2, () => 0)).toBe(1_000);
    expect(retryDelayMs(0, 2, () => 1)).toBe(2_000);
    expect(retryDelayMs(3, 1, () => 1)).toBe(500 + 8_000);
    expect(retryDelayMs(10, 1, () => 1)).toBe(500 + 15_000);
  });

  it("spreads a class refused together (jitter) and gives up after a bounded number of attempts", () => {
    const delays = [0.1, 0.5, 0.9].map((r) => retryDelayMs(2, 1, () => r));
    expect(new Set(delays).size).toBe(3);
    expect(MAX_ANSWER_ATTEMPTS).toBeGreaterThan(3);
  });
});
