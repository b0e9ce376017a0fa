import { describe, expect, it } from "vitest";
import { afterFailure, afterSuccess, isBlocked, remainingBlockMinutes, type LoginState } from "@/lib/domain/accounts/login-throttling";

const now = new Date("2026-11-25T10:00:00Z");

function failTimes(count: number, start: LoginState = { failureCount: 0, blockedUntil: null }): LoginState {
  let state = start;
  for (let i = 0; i < count; i++) state = afterFailure(state, now);
  return state;
}

describe("login throttling", () => {
  it("does not block before the 10th failure", () => {
    const state = failTimes(9);
    expect(state.failureCount).toBe(9);
    expect(isBlocked(state, now)).toBe(false);
  });

  it("blocks 2 minutes at 10 failures, 4 at 20, 8 at 30", () => {
    expect(remainingBlockMinutes(failTimes(10), now)).toBe(2);
    expect(remainingBlockMinutes(failTimes(20), now)).toBe(4);
    expect(remainingBlockMinutes(failTimes(30), now)).toBe(8);
  });

  it("lifts the block once its time has passed", () => {
    const state = failTimes(10);
    expect(isBlocked(state, now)).toBe(true);
    expect(isBlocked(state, new Date(now.getTime() + 2 * 60_000 + 1))).toBe(false);
  });

  it("a success resets everything", () => {
    expect(afterSuccess()).toEqual({ failureCount: 0, blockedUntil: null });
  });
});
