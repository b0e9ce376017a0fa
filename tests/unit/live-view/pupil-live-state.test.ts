import { describe, expect, it } from "vitest";
import { LEFT_EARLIER_SESSION_AFTER_MS, pupilLiveState, STUCK_AFTER_MS, type PupilActivity } from "@/lib/domain/live-view/pupil-live-state";
import { countersChangeSummary, liveCounters } from "@/lib/domain/live-view/live-counters";

const now = new Date("2026-12-07T09:30:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

function pupil(change: Partial<PupilActivity> = {}): PupilActivity {
  return {
    key: "l1", lastName: "Martin", firstName: "Léa", division: "5B",
    participationStatus: "STARTED", assessmentState: "STARTED", answersCount: 2,
    startedAt: ago(120_000), lastAnswerAt: ago(20_000), recentResults: ["OK", "KO"], timedOutCount: 0,
    ...change,
  };
}

describe("the state of a pupil in « Suivi en direct »", () => {
  it("is « not started » for a roster pupil without participation, with no time and no flag", () => {
    const line = pupilLiveState(pupil({ participationStatus: null, assessmentState: null, answersCount: 0, startedAt: null, lastAnswerAt: null, recentResults: [] }), now);
    expect(line).toMatchObject({ stage: "NOT_STARTED", questionNumber: null, idleMs: null, stuckReasons: [] });
  });

  it("is on question n + 1 after n answers, with the time since the last answer on the server's clock", () => {
    expect(pupilLiveState(pupil(), now)).toMatchObject({ stage: "QUESTION", questionNumber: 3, answersCount: 2, idleMs: 20_000 });
  });

  it("counts the time from the start when nothing was answered yet", () => {
    expect(pupilLiveState(pupil({ answersCount: 0, lastAnswerAt: null, recentResults: [] }), now)).toMatchObject({ stage: "QUESTION", questionNumber: 1, idleMs: 120_000 });
  });

  it("is at a checkpoint after every fifth answer until the next one", () => {
    expect(pupilLiveState(pupil({ answersCount: 5 }), now).stage).toBe("CHECKPOINT");
    expect(pupilLiveState(pupil({ answersCount: 10 }), now).stage).toBe("CHECKPOINT");
    expect(pupilLiveState(pupil({ answersCount: 6 }), now).stage).toBe("QUESTION");
  });

  it("is finished, not sent, then results sent", () => {
    expect(pupilLiveState(pupil({ participationStatus: "TO_SHARE", assessmentState: "COMPLETED", answersCount: 20 }), now)).toMatchObject({ stage: "FINISHED_NOT_SENT", questionNumber: null });
    expect(pupilLiveState(pupil({ participationStatus: "STARTED", assessmentState: "COMPLETED", answersCount: 20 }), now).stage).toBe("FINISHED_NOT_SENT");
    expect(pupilLiveState(pupil({ participationStatus: "SHARED", assessmentState: "COMPLETED" }), now).stage).toBe("SENT");
  });
});

describe("the « bloqué ? » flag", () => {
  it("rises after more than 4 minutes without an answer, not at exactly 4 minutes", () => {
    expect(pupilLiveState(pupil({ lastAnswerAt: ago(STUCK_AFTER_MS) }), now).stuckReasons).toEqual([]);
    expect(pupilLiveState(pupil({ lastAnswerAt: ago(STUCK_AFTER_MS + 1) }), now).stuckReasons).toEqual(["NO_ANSWER"]);
  });

  it("rises after 3 skips in a row, not after 3 skips with an answer between them", () => {
    expect(pupilLiveState(pupil({ recentResults: ["ABAND", "ABAND", "ABAND", "OK"] }), now).stuckReasons).toEqual(["SKIPS"]);
    expect(pupilLiveState(pupil({ recentResults: ["ABAND", "KO", "ABAND", "ABAND"] }), now).stuckReasons).toEqual([]);
    expect(pupilLiveState(pupil({ recentResults: ["ABAND", "ABAND"] }), now).stuckReasons).toEqual([]);
  });

  it("rises after 3 timed-out answers in the test, in a row or not", () => {
    expect(pupilLiveState(pupil({ timedOutCount: 2 }), now).stuckReasons).toEqual([]);
    expect(pupilLiveState(pupil({ timedOutCount: 3 }), now).stuckReasons).toEqual(["TIMED_OUT"]);
  });

  it("gives every reason at once, and never flags a pupil who finished or has not started", () => {
    const stuck = { lastAnswerAt: ago(10 * 60_000), recentResults: ["TIMEDOUT", "ABAND", "ABAND", "ABAND"] as PupilActivity["recentResults"], timedOutCount: 3 };
    expect(pupilLiveState(pupil({ ...stuck, recentResults: ["ABAND", "ABAND", "ABAND"] }), now).stuckReasons).toEqual(["NO_ANSWER", "SKIPS", "TIMED_OUT"]);
    expect(pupilLiveState(pupil({ ...stuck, participationStatus: "TO_SHARE", assessmentState: "COMPLETED" }), now).stuckReasons).toEqual([]);
    expect(pupilLiveState(pupil({ ...stuck, participationStatus: null, startedAt: null, lastAnswerAt: null }), now).stuckReasons).toEqual([]);
  });

  it("does not flag a pupil who left an earlier session (idle for more than 2 hours): still in progress, since then", () => {
    const stuck = { recentResults: ["ABAND", "ABAND", "ABAND"] as PupilActivity["recentResults"], timedOutCount: 3 };
    expect(pupilLiveState(pupil({ ...stuck, lastAnswerAt: ago(LEFT_EARLIER_SESSION_AFTER_MS) }), now).stuckReasons).toEqual(["NO_ANSWER", "SKIPS", "TIMED_OUT"]);
    const yesterday = pupilLiveState(pupil({ ...stuck, lastAnswerAt: ago(24 * 3600_000) }), now);
    expect(yesterday.stuckReasons).toEqual([]);
    expect(yesterday.stage).toBe("QUESTION");
    expect(yesterday.idleMs).toBe(24 * 3600_000);
  });
});

describe("the counters and the live region's summary", () => {
  const lines = [
    pupilLiveState(pupil({ key: "a", participationStatus: null, assessmentState: null, startedAt: null, lastAnswerAt: null }), now),
    pupilLiveState(pupil({ key: "b" }), now),
    pupilLiveState(pupil({ key: "c", lastAnswerAt: ago(5 * 60_000) }), now),
    pupilLiveState(pupil({ key: "d", participationStatus: "TO_SHARE", assessmentState: "COMPLETED" }), now),
    pupilLiveState(pupil({ key: "e", participationStatus: "SHARED", assessmentState: "COMPLETED" }), now),
    pupilLiveState(pupil({ key: "f", participationStatus: "SHARED", assessmentState: "COMPLETED" }), now),
  ];

  it("counts started, in progress, finished (sent or not), sent, stuck, and the share of the class done", () => {
    expect(liveCounters(lines)).toEqual({ expected: 6, started: 5, inProgress: 2, finished: 3, sent: 2, stuck: 1, percentDone: 50 });
    expect(liveCounters([]).percentDone).toBe(0);
  });

  it("announces only the counters that changed, in one sentence", () => {
    const before = liveCounters(lines);
    expect(countersChangeSummary(before, before)).toBeNull();
    expect(countersChangeSummary(before, { ...before, finished: 4, sent: 3, inProgress: 1 })).toBe("1 en cours, 4 terminés, 3 envoyés sur 6.");
    expect(countersChangeSummary(before, { ...before, stuck: 0 })).toBe("0 bloqué ? sur 6.");
  });
});

describe("« Dernière réponse »", () => {
  it("reads as a duration, rounded down to the second", async () => {
    const { formatIdle } = await import("@/lib/domain/live-view/format-idle");
    expect(formatIdle(null)).toBe("—");
    expect(formatIdle(4_999)).toBe("à l'instant");
    expect(formatIdle(42_500)).toBe("il y a 42 s");
    expect(formatIdle(125_000)).toBe("il y a 2 min 05 s");
    expect(formatIdle(3_725_000)).toBe("il y a 1 h 02");
    expect(formatIdle(23 * 3600_000 + 59 * 60_000)).toBe("il y a 23 h 59");
    expect(formatIdle(30 * 3600_000)).toBe("il y a 1 jour");
    expect(formatIdle(143 * 3600_000 + 31 * 60_000)).toBe("il y a 5 jours");
  });
});
