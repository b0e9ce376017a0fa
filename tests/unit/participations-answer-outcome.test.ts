import { describe, expect, it } from "vitest";
import { answerOutcome } from "@/lib/domain/participations/answer-outcome";
import { choices, qcu } from "../support/challenge-builders";

describe("answer outcome", () => {
  it("a skip is ABAND, a right answer OK, a wrong one KO", () => {
    expect(answerOutcome({ challenge: qcu(), answer: null, elapsedSeconds: 3 })).toBe("ABAND");
    expect(answerOutcome({ challenge: qcu(), answer: choices(2), elapsedSeconds: 3 })).toBe("OK");
    expect(answerOutcome({ challenge: qcu(), answer: choices(1), elapsedSeconds: 3 })).toBe("KO");
  });

  it("a right answer to a timed challenge after its timer (plus grace) is TIMEDOUT", () => {
    const timed = qcu({ timer: 30 });
    expect(answerOutcome({ challenge: timed, answer: choices(2), elapsedSeconds: 32 })).toBe("OK");
    expect(answerOutcome({ challenge: timed, answer: choices(2), elapsedSeconds: 40 })).toBe("TIMEDOUT");
    expect(answerOutcome({ challenge: qcu(), answer: choices(2), elapsedSeconds: 4000 })).toBe("OK");
  });

  it("no answer when the time of a timed challenge is up is « Temps dépassé » (TIMEDOUT), not a skip", () => {
    const timed = qcu({ timer: 30 });
    expect(answerOutcome({ challenge: timed, answer: null, elapsedSeconds: 30, isTimeUp: true })).toBe("TIMEDOUT");
    expect(answerOutcome({ challenge: timed, answer: null, elapsedSeconds: 45 })).toBe("TIMEDOUT");
    expect(answerOutcome({ challenge: timed, answer: null, elapsedSeconds: 10 })).toBe("ABAND");
    // The page's « time is up » flag means nothing on a question without a timer.
    expect(answerOutcome({ challenge: qcu(), answer: null, elapsedSeconds: 10, isTimeUp: true })).toBe("ABAND");
  });
});
