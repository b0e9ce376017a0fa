import { describe, expect, it } from "vitest";
import { BUSY_MESSAGE } from "../../../lib/domain/shared/errors";
import { MAX_ANSWER_ATTEMPTS, retryDelayMs } from "../../../lib/domain/participations/retry-delay";
import { startTimerResend } from "../../../bench/answer-load/pupil";

/**
 * « Commencer » refused for load: the page's script sends it again after the server's Retry-After, with the answers'
 * backoff and attempts (public/scripts/answer-flow.js); the bench counted the first refusal as « rechargement
 * impossible (HTTP 503) ».
 */
const half = () => 0.5;

describe("the bench sends « Commencer » again as the page's script does (pupil.ts)", () => {
  it("the gate's 503: again after its Retry-After and the backoff, counted as a gate refusal", () => {
    expect(startTimerResend({ kind: "error", message: "HTTP 503", retryAfterSeconds: 2 }, 0, half)).toEqual({ delayMs: retryDelayMs(0, 2, half), cause: "« Commencer » : HTTP 503", atGate: true });
    expect(startTimerResend({ kind: "error", message: "HTTP 503", retryAfterSeconds: 2 }, 3, half)?.delayMs).toBe(retryDelayMs(3, 2, half));
  });

  it("the app's own « Trop de monde… » (JSON 503): again, not a gate refusal", () => {
    expect(startTimerResend({ kind: "error", message: BUSY_MESSAGE, retryAfterSeconds: 1 }, 0, half)).toMatchObject({ atGate: false, delayMs: retryDelayMs(0, 1, half) });
  });

  it("gives up after the script's last attempt", () => {
    expect(startTimerResend({ kind: "error", message: "HTTP 503", retryAfterSeconds: 2 }, MAX_ANSWER_ATTEMPTS - 2, half)).not.toBeNull();
    expect(startTimerResend({ kind: "error", message: "HTTP 503", retryAfterSeconds: 2 }, MAX_ANSWER_ATTEMPTS - 1, half)).toBeNull();
  });

  it("anything else is shown as it came: a question, another page, an error that is not a refusal", () => {
    expect(startTimerResend({ kind: "question", challengeId: "rec1" }, 0)).toBeNull();
    expect(startTimerResend({ kind: "end" }, 0)).toBeNull();
    expect(startTimerResend({ kind: "error", message: "HTTP 503 sans le message « Trop de monde… »" }, 0)).toBeNull();
    expect(startTimerResend({ kind: "error", message: "HTTP 500" }, 0)).toBeNull();
    // A refusal without a hint is not one the script retries as such (refusalState always gives one).
    expect(startTimerResend({ kind: "error", message: "HTTP 503" }, 0)).toBeNull();
  });
});
