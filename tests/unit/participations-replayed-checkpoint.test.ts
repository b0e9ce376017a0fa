import { describe, expect, it } from "vitest";
import { CHECKPOINT_EVERY, replayedCheckpoint } from "@/lib/domain/participations/checkpoint";

/** ADR 0013 « 07/12 (21) »: what an answer found already recorded shows, as its first try would have. */
const answers = (n: number) => Array.from({ length: n }, (_, i) => ({ challengeId: `ch-${i + 1}` }));

describe("replayedCheckpoint", () => {
  it("the latest answer at a multiple of CHECKPOINT_EVERY: the checkpoint", () => {
    for (const n of [CHECKPOINT_EVERY, 2 * CHECKPOINT_EVERY]) {
      expect(replayedCheckpoint({ state: "STARTED", answersCount: n, answers: answers(n) }, `ch-${n}`)).toEqual({ completed: false });
    }
  });

  it("the latest answer elsewhere in a group: nothing", () => {
    for (const n of [1, CHECKPOINT_EVERY - 1, CHECKPOINT_EVERY + 1]) {
      expect(replayedCheckpoint({ state: "STARTED", answersCount: n, answers: answers(n) }, `ch-${n}`)).toBeNull();
    }
  });

  it("the latest answer of an ended test, whatever its rank: the end checkpoint", () => {
    for (const n of [1, 3, CHECKPOINT_EVERY, 7]) {
      expect(replayedCheckpoint({ state: "COMPLETED", answersCount: n, answers: answers(n) }, `ch-${n}`)).toEqual({ completed: true });
    }
  });

  it("an older answer never brings back an old checkpoint, ended test or not", () => {
    expect(replayedCheckpoint({ state: "STARTED", answersCount: CHECKPOINT_EVERY + 1, answers: answers(CHECKPOINT_EVERY + 1) }, `ch-${CHECKPOINT_EVERY}`)).toBeNull();
    expect(replayedCheckpoint({ state: "COMPLETED", answersCount: 7, answers: answers(7) }, "ch-6")).toBeNull();
    expect(replayedCheckpoint({ state: "STARTED", answersCount: 0, answers: [] }, "ch-1")).toBeNull();
  });

  it("another state than started or completed: nothing", () => {
    expect(replayedCheckpoint({ state: "ABORTED", answersCount: CHECKPOINT_EVERY, answers: answers(CHECKPOINT_EVERY) }, `ch-${CHECKPOINT_EVERY}`)).toBeNull();
  });
});
