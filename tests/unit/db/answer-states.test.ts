import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AnswerState } from "@/lib/db/repositories/answer-states";
import type { AnswerWrite } from "@/lib/db/repositories/answer-transaction";

/** The module with ANSWER_STATES_MB set (env() is read once per module instance). */
async function withStates(megabytes: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", "postgresql://localhost/unit");
  vi.stubEnv("ANSWER_STATES_MB", megabytes);
  return import("@/lib/db/repositories/answer-states");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const at = new Date("2026-12-07T08:00:00.000Z");
function state(answersCount = 0): AnswerState {
  return {
    snapshot: {
      assessment: {
        id: 7, userId: 3, state: "STARTED", currentChallengeId: "ch-a", currentAskedAt: at, isTimerStarted: true, answersCount,
        participationId: 5, campaignId: 2, campaignArchived: false, ignoreInvalidatedBefore: null, assessmentMethod: "SMART_RANDOM", precisionTarget: 80,
      },
      campaign: { id: 2, code: "ABC", name: "Test", title: null },
      answers: [{ id: 40, challengeId: "ch-0", result: "OK" }],
      knowledge: [
        { skillId: "s1", status: "VALIDATED", source: "DIRECT", earnedPix: 4, competenceId: "c1", createdAt: at },
        { skillId: "s2", status: "INVALIDATED", source: "DIRECT", earnedPix: 0, competenceId: "c1", createdAt: at },
      ],
    },
    knowledgeCount: 9,
  };
}

/** A skipped question's write, with its knowledge elements, moving on to `next`. */
const skippedTo = (next: string, knowledgeElements: AnswerWrite["knowledgeElements"]): AnswerWrite => ({
  value: { kind: "skip" }, result: "KO", timeSpent: 3, knowledgeElements, next: { challengeId: next },
});

describe("the answer path's remembered states", () => {
  it("keeps at most ANSWER_STATES_MB of estimated memory, the least recently used out first", async () => {
    const { answerStates, bytesOf } = await withStates("1");
    const each = bytesOf(state());
    const fits = Math.floor((1024 * 1024) / each);
    for (let user = 1; user <= fits; user++) answerStates.set(user, "ABC", state(user));
    expect(answerStates.size()).toBe(fits);
    expect(answerStates.get(1, "ABC")?.snapshot.assessment.answersCount).toBe(1);
    answerStates.set(fits + 1, "ABC", state(fits + 1));
    expect(answerStates.size()).toBe(fits);
    expect(answerStates.bytes()).toBeLessThanOrEqual(1024 * 1024);
    // 2 was the least recently used (1 was just read).
    expect(answerStates.get(2, "ABC")).toBeUndefined();
    expect([1, 3, fits + 1].map((u) => answerStates.get(u, "ABC")?.snapshot.assessment.answersCount)).toEqual([1, 3, fits + 1]);
    // One entry per pupil and campaign: another campaign of the same pupil is another entry.
    answerStates.set(fits + 1, "XYZ", state(5));
    expect(answerStates.get(fits + 1, "ABC")?.snapshot.assessment.answersCount).toBe(fits + 1);
  });

  it("tells an in-process reader (the bench's probe) its count and estimated bytes", async () => {
    const { answerStates, bytesOf, ANSWER_STATES_STATS } = await withStates("1");
    const readers = (globalThis as Record<symbol, unknown>)[ANSWER_STATES_STATS] as (() => unknown)[];
    const mine = readers.at(-1)!;
    expect(mine()).toEqual({ count: 0, bytes: 0, maxBytes: 0 });
    answerStates.set(1, "ABC", state(1));
    answerStates.set(2, "ABC", state(2));
    expect(mine()).toEqual({ count: 2, bytes: 2 * bytesOf(state()), maxBytes: 1024 * 1024 });
    answerStates.clear();
    expect(mine()).toEqual({ count: 0, bytes: 0, maxBytes: 1024 * 1024 });
  });

  it("counts a longer test as more memory", async () => {
    const { bytesOf, stateAfter } = await withStates("1");
    const write: AnswerWrite = { value: null, result: "OK", timeSpent: 1, knowledgeElements: [{ skillId: "s9", status: "VALIDATED", source: "DIRECT", earnedPix: 1, competenceId: "c" }], next: { challengeId: "ch-b" } };
    expect(bytesOf(stateAfter(state(), write, 41, at)!)).toBeGreaterThan(bytesOf(state()));
  });

  it("forgets a state unused for ten minutes", async () => {
    vi.useFakeTimers({ now: at });
    try {
      const { answerStates, bytesOf } = await withStates("1");
      answerStates.set(1, "ABC", state());
      vi.advanceTimersByTime(9 * 60 * 1000);
      expect(answerStates.get(1, "ABC")).toBeDefined();
      vi.advanceTimersByTime(10 * 60 * 1000 + 1);
      expect(answerStates.get(1, "ABC")).toBeUndefined();
      // Unread stale entries go too, at the next sweep (once a minute): memory back to idle after a class.
      answerStates.set(2, "ABC", state());
      vi.advanceTimersByTime(11 * 60 * 1000);
      answerStates.set(3, "ABC", state());
      expect(answerStates.size()).toBe(1);
      expect(answerStates.bytes()).toBe(bytesOf(state()));
    } finally {
      vi.useRealTimers();
    }
  });

  it("forgets the states of a class that has finished even when no answer comes after it", async () => {
    vi.useFakeTimers({ now: at });
    try {
      const { answerStates } = await withStates("1");
      for (let user = 1; user <= 30; user++) answerStates.set(user, "ABC", state());
      // The class has left: no answer, no read, for eleven minutes. The memory is back to idle all the same.
      vi.advanceTimersByTime(11 * 60 * 1000 + 60 * 1000);
      expect(answerStates.size()).toBe(0);
      expect(answerStates.bytes()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("drops an entry only if it is still the one the caller decided from", async () => {
    const { answerStates } = await withStates("10");
    const old = state(1);
    const newer = state(2);
    answerStates.set(1, "ABC", old);
    answerStates.set(1, "ABC", newer);
    answerStates.drop(1, "ABC", old);
    expect(answerStates.get(1, "ABC")).toBe(newer);
    answerStates.drop(1, "ABC", newer);
    expect(answerStates.get(1, "ABC")).toBeUndefined();
  });

  it("ANSWER_STATES_MB=0 keeps nothing (every answer reads first)", async () => {
    const { answerStates } = await withStates("0");
    answerStates.set(1, "ABC", state());
    expect(answerStates.get(1, "ABC")).toBeUndefined();
    expect(answerStates.size()).toBe(0);
  });

  it("the state after a recorded answer: one answer more, its knowledge elements latest, the next question asked then with its timer off", async () => {
    const { stateAfter } = await withStates("10");
    const before = state(1);
    const later = new Date("2026-12-07T08:01:02.345Z");
    const write = skippedTo("ch-b", [
      { skillId: "s2", status: "VALIDATED", source: "DIRECT", earnedPix: 2, competenceId: "c1" },
      { skillId: "s3", status: "INVALIDATED", source: "INFERRED", earnedPix: 0, competenceId: "c2" },
    ]);
    const after = stateAfter(before, write, 41, later)!;
    expect(after.knowledgeCount).toBe(11);
    expect(after.snapshot.assessment).toEqual({ ...before.snapshot.assessment, currentChallengeId: "ch-b", currentAskedAt: later, isTimerStarted: false, answersCount: 2 });
    expect(after.snapshot.answers).toEqual([...before.snapshot.answers, { id: 41, challengeId: "ch-a", result: "KO" }]);
    expect(after.snapshot.knowledge).toEqual([
      before.snapshot.knowledge[0],
      { skillId: "s2", status: "VALIDATED", source: "DIRECT", earnedPix: 2, competenceId: "c1", createdAt: later },
      { skillId: "s3", status: "INVALIDATED", source: "INFERRED", earnedPix: 0, competenceId: "c2", createdAt: later },
    ]);
    // The state it came from is untouched (a concurrent answer may still be deciding from it).
    expect(before).toEqual(state(1));
    // The end of the test: nothing more to answer, nothing to remember.
    expect(stateAfter(before, { ...write, next: { completed: { modelElements: [], masteryMean: 0.5, masteryStandardError: 0.1 } } }, 41, later)).toBeNull();
  });

  it("keeps an element dated after the answer's instant as the latest of its skill, as the read's created_at order does", async () => {
    const { stateAfter } = await withStates("10");
    const before = state(1);
    const ahead = new Date(at.getTime() + 1_000);
    before.snapshot.knowledge[1] = { skillId: "s2", status: "VALIDATED", source: "MODEL", earnedPix: 2, competenceId: "c1", createdAt: ahead };
    const write = skippedTo("ch-b", [
      { skillId: "s1", status: "INVALIDATED", source: "DIRECT", earnedPix: 0, competenceId: "c1" },
      { skillId: "s2", status: "INVALIDATED", source: "DIRECT", earnedPix: 0, competenceId: "c1" },
    ]);
    const after = stateAfter(before, write, 41, at)!;
    // Same instant as s1's element: the new one has the higher id and wins; s2's is dated later and stays.
    expect(after.snapshot.knowledge).toEqual([
      { skillId: "s1", status: "INVALIDATED", source: "DIRECT", earnedPix: 0, competenceId: "c1", createdAt: at },
      before.snapshot.knowledge[1],
    ]);
    expect(after.knowledgeCount).toBe(11);
  });

  it("never changes a state it builds on: two answers computed from the same state (two tabs, a double submit) each see only their own", async () => {
    const { stateAfter } = await withStates("10");
    const read = state(1);
    const first = stateAfter(read, skippedTo("ch-b", [{ skillId: "s2", status: "VALIDATED", source: "DIRECT", earnedPix: 2, competenceId: "c1" }]), 41, at)!;
    const seen = structuredClone(first.snapshot);
    const later = new Date(at.getTime() + 5_000);
    const written = { ...skippedTo("ch-c", [{ skillId: "s3", status: "VALIDATED", source: "DIRECT", earnedPix: 1, competenceId: "c2" }]), result: "OK" as const };
    const tab1 = stateAfter(first, written, 42, later)!;
    const tab2 = stateAfter(first, skippedTo("ch-d", [{ skillId: "s1", status: "INVALIDATED", source: "DIRECT", earnedPix: 0, competenceId: "c1" }]), 43, later)!;
    // The state both came from, and the read before it, are as they were.
    expect(first.snapshot).toEqual(seen);
    expect(first.knowledgeCount).toBe(10);
    expect(read).toEqual(state(1));
    // Each next state has its own answer and elements, not the other's.
    expect(tab1.snapshot.answers.map((a) => a.id)).toEqual([40, 41, 42]);
    expect(tab2.snapshot.answers.map((a) => a.id)).toEqual([40, 41, 43]);
    expect(tab1.snapshot.knowledge.map((k) => [k.skillId, k.status])).toEqual([["s1", "VALIDATED"], ["s2", "VALIDATED"], ["s3", "VALIDATED"]]);
    expect(tab2.snapshot.knowledge.map((k) => [k.skillId, k.status])).toEqual([["s1", "INVALIDATED"], ["s2", "VALIDATED"]]);
    // A snapshot is the caller's own: changing it changes nothing remembered.
    const taken = tab1.snapshot;
    taken.answers.push({ id: 99, challengeId: "x", result: "KO" });
    taken.knowledge.length = 0;
    expect(tab1.snapshot.answers).toHaveLength(3);
    expect(tab1.snapshot.knowledge).toHaveLength(3);
  });

  it("after any sequence of answers, equals a state built afresh from every answer and the latest element of each skill", async () => {
    const { stateAfter } = await withStates("10");
    const skills = ["s1", "s2", "s3", "s4", "s5"];
    const element = fc.record({
      skillId: fc.constantFrom(...skills), status: fc.constantFrom("VALIDATED" as const, "INVALIDATED" as const),
      source: fc.constantFrom("DIRECT" as const, "INFERRED" as const), earnedPix: fc.integer({ min: 0, max: 4 }), competenceId: fc.constantFrom("c1", "c2"),
    });
    // Each answer: its instant (seconds after `at`; may go back: another process's clock, a request that took its
    // instant earlier and committed later), its knowledge elements (distinct skills, as the engine writes them).
    const answer = fc.record({ second: fc.integer({ min: -3, max: 30 }), elements: fc.uniqueArray(element, { selector: (e) => e.skillId, maxLength: 3 }) });
    fc.assert(fc.property(fc.array(answer, { minLength: 1, maxLength: 25 }), (answers) => {
      let current: AnswerState = state(1);
      const read = state(1);
      // The oracle: per skill, the latest element by created_at then by id (later written, higher id), as a read orders them.
      const latest = new Map(read.snapshot.knowledge.map((k) => [k.skillId, k]));
      const ids = [...read.snapshot.answers];
      answers.forEach(({ second, elements }, i) => {
        const when = new Date(at.getTime() + second * 1000);
        const before = current;
        const beforeSeen = structuredClone(before.snapshot);
        const asked = before.snapshot.assessment.currentChallengeId!;
        current = stateAfter(before, { ...skippedTo(`ch-${i}`, elements), result: i % 2 ? "OK" : "KO" }, 100 + i, when)!;
        expect(before.snapshot).toEqual(beforeSeen);
        ids.push({ id: 100 + i, challengeId: asked, result: i % 2 ? "OK" : "KO" });
        for (const e of elements) {
          const had = latest.get(e.skillId);
          if (!had || had.createdAt.getTime() <= when.getTime()) latest.set(e.skillId, { ...e, createdAt: when });
        }
        const bySkillId = (list: AnswerState["snapshot"]["knowledge"]) => [...list].sort((a, b) => a.skillId.localeCompare(b.skillId));
        expect(current.snapshot.answers).toEqual(ids);
        expect(bySkillId(current.snapshot.knowledge)).toEqual(bySkillId([...latest.values()]));
        expect(current.snapshot.assessment).toEqual({ ...read.snapshot.assessment, currentChallengeId: `ch-${i}`, currentAskedAt: when, isTimerStarted: false, answersCount: 2 + i });
        expect(current.snapshot.campaign).toEqual(read.snapshot.campaign);
        expect(current.knowledgeCount).toBe(read.knowledgeCount + answers.slice(0, i + 1).reduce((n, a) => n + a.elements.length, 0));
      });
    }), { numRuns: 200 });
  });

  it("holds a bounded entry however long the test: links counted in its size, the lists copied once every 8 answers", async () => {
    const { bytesOf, stateAfter } = await withStates("10");
    // What an entry would count if it held only its lists (no links, no replaced element).
    const listsOnly = (s: AnswerState) => bytesOf({ snapshot: s.snapshot, knowledgeCount: s.knowledgeCount });
    // A link costs memory: an answer that only adds a new skill's element holds more than the same lists copied.
    const one = stateAfter(state(1), skippedTo("ch-1", [{ skillId: "s9", status: "VALIDATED", source: "DIRECT", earnedPix: 1, competenceId: "c1" }]), 41, at)!;
    expect(bytesOf(one)).toBeGreaterThan(listsOnly(one));
    // 200 answers, each writing the same three skills again (the elements they replace stay in the links until the
    // next copy): the entry never holds much more than its lists, and never less.
    let current: AnswerState = state(1);
    let most = 0;
    for (let i = 0; i < 200; i++) {
      const elements = ["s1", "s2", "s3"].map((skillId) => ({ skillId, status: "VALIDATED" as const, source: "DIRECT" as const, earnedPix: 1, competenceId: "c1" }));
      current = stateAfter(current, skippedTo(`ch-${i}`, elements), 100 + i, new Date(at.getTime() + i * 1000))!;
      expect(bytesOf(current)).toBeGreaterThanOrEqual(listsOnly(current));
      most = Math.max(most, bytesOf(current) - listsOnly(current));
    }
    expect(current.snapshot.answers).toHaveLength(201);
    expect(current.snapshot.knowledge).toHaveLength(3);
    // At most 7 answers and 21 elements linked (every 8th answer copies the lists): 7 × (150 + 100) + 21 × (220 + 100).
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(7 * 250 + 21 * 320);
  });

  it("logs the share of answers served from memory at most once a minute", async () => {
    const { answerStates } = await withStates("1");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const start = Date.now();
      for (const fromMemory of [true, true, false]) answerStates.served(fromMemory, start + 1_000);
      expect(log).not.toHaveBeenCalled();
      answerStates.served(true, start + 61_000);
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0][0]).toMatch(/^\[réponses\] 4 en 61 s : 3 en une instruction \(état retenu\), 1 lues d'abord \(75 % en une instruction\)/);
      answerStates.served(false, start + 62_000);
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      log.mockRestore();
    }
  });

  it("refuses a wrong ANSWER_STATES_MB in French", async () => {
    const { parseEnvironment } = await import("@/lib/env");
    for (const value of ["-1", "abc", "1.5", "5000"]) {
      expect(() => parseEnvironment({ DATABASE_URL: "postgresql://localhost/x", ANSWER_STATES_MB: value })).toThrow(/ANSWER_STATES_MB doit être un nombre entier de mégaoctets entre 0 et 4096/);
    }
    expect(parseEnvironment({ DATABASE_URL: "postgresql://localhost/x" }).ANSWER_STATES_MB).toBe(64);
  });
});
