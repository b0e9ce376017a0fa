import { describe, expect, it } from "vitest";
import { isClearlyNegative, itemStatistics, MINIMUM_ATTEMPTS, type ChallengeKey, type StatisticsAnswer, type StatisticsTest } from "@/lib/domain/assessment/calibration/item-statistics";
import { ENGINE_PARAMETERS } from "@/lib/domain/assessment/engine-parameters";
import { tube } from "../../support/engine-builders";
import { modelPupil, seededStream } from "../../support/model-pupils";

const choices = (...selected: number[]) => ({ kind: "choices", selected });

describe("itemStatistics on a few hand-made answers", () => {
  const targetSkills = tube("a", 4);
  const answer = (result: StatisticsAnswer["result"], timeSpent: number | null, value: unknown): StatisticsAnswer => ({ challengeId: "a-2-c0", skillId: "a-2", result, timeSpent, value });
  const tests: StatisticsTest[] = [
    { targetSkills, answers: [answer("OK", 20, choices(3))] },
    { targetSkills, answers: [answer("OK", 40, choices(3))] },
    { targetSkills, answers: [answer("KO", 10, choices(1))] },
    { targetSkills, answers: [answer("ABAND", 5, null)] },
    { targetSkills, answers: [answer("TIMEDOUT", null, choices(2))] },
  ];
  const challenges = new Map<string, ChallengeKey>([["a-2-c0", { type: "QCU", proposalsCount: 4, solution: [3] }]]);
  const [stats] = itemStatistics({ tests, challenges, parameters: ENGINE_PARAMETERS });

  it("counts attempts, successes, « Je passe » and late answers, and the median time of the answers that have one", () => {
    expect(stats).toMatchObject({ challengeId: "a-2-c0", attempts: 5, successes: 2, skips: 1, timeouts: 1, medianTimeSeconds: 15 });
    expect(stats.successRate).toBeCloseTo(0.4);
    expect(stats.skipRate).toBeCloseTo(0.2);
  });

  it("gives each canonical proposal's share of the answers that chose something, the key marked", () => {
    expect(stats.options!.map((o) => [o.option, o.isKey, o.chosen])).toEqual([[1, false, 1], [2, false, 1], [3, true, 2], [4, false, 0]]);
    expect(stats.options![2].share).toBeCloseTo(0.5);
  });

  it(`flags nothing below ${MINIMUM_ATTEMPTS} attempts (proposal 4 is never chosen, yet only 4 answers chose)`, () => {
    expect(stats.flags).toEqual([]);
    expect(stats.severity).toBe(0);
  });

  it("has no discrimination when no answer tells the pupils apart (each one answered this item only: all at the prior level)", () => {
    expect(stats.discrimination).toBeNull();
  });
});

describe("itemStatistics on simulated classes", () => {
  // 6 tubes of 6 levels; every pupil meets the two items under study, then 14 other questions.
  const targetSkills = Array.from({ length: 6 }, (_, t) => tube(`t${t}`, 6)).flat();
  const random = seededStream(7);
  const MISKEYED = "t0-3-c0"; // the file says proposal 2; proposal 1 is what knowing pupils pick
  const DEAD_DISTRACTOR = "t1-3-c0"; // nobody falls for proposal 4
  const challenges = new Map<string, ChallengeKey>([
    [MISKEYED, { type: "QCU", proposalsCount: 4, solution: [2] }],
    [DEAD_DISTRACTOR, { type: "QCU", proposalsCount: 4, solution: [1] }],
  ]);
  const others = targetSkills.filter((s) => s.id !== "t0-3" && s.id !== "t1-3");
  const tests: StatisticsTest[] = Array.from({ length: 400 }, () => {
    const pupil = modelPupil(targetSkills, ENGINE_PARAMETERS, random);
    const skill = (id: string) => targetSkills.find((s) => s.id === id)!;
    const knows = (id: string) => pupil.answers(skill(id));
    const miskeyedChoice = knows("t0-3") ? 1 : 1 + Math.floor(random.next() * 4);
    const deadChoice = knows("t1-3") ? 1 : 1 + Math.floor(random.next() * 3);
    const answers: StatisticsAnswer[] = [
      { challengeId: MISKEYED, skillId: "t0-3", result: miskeyedChoice === 2 ? "OK" : "KO", timeSpent: 30, value: choices(miskeyedChoice) },
      { challengeId: DEAD_DISTRACTOR, skillId: "t1-3", result: deadChoice === 1 ? "OK" : "KO", timeSpent: 30, value: choices(deadChoice) },
    ];
    for (let i = 0; i < 14; i++) {
      const other = others[Math.floor(random.next() * others.length)];
      if (answers.some((a) => a.skillId === other.id)) continue;
      answers.push({ challengeId: `${other.id}-c0`, skillId: other.id, result: pupil.answers(other) ? "OK" : "KO", timeSpent: 20, value: { kind: "fields", values: {} } });
    }
    return { targetSkills, answers };
  });
  const statistics = itemStatistics({ tests, challenges, parameters: ENGINE_PARAMETERS });
  const of = (id: string) => statistics.find((s) => s.challengeId === id)!;

  it("calls out a key chosen by weaker pupils than a distractor, ranks it worst, and sees that it ranks pupils backwards", { timeout: 60_000 }, () => {
    expect(statistics[0].challengeId).toBe(MISKEYED);
    expect(of(MISKEYED).flags.map((f) => f.kind)).toEqual(expect.arrayContaining(["CLE_CHOISIE_PAR_LES_FAIBLES", "DISCRIMINATION_NEGATIVE"]));
    expect(of(MISKEYED).flags.find((f) => f.kind === "CLE_CHOISIE_PAR_LES_FAIBLES")).toMatchObject({ option: 2, strongerOption: 1 });
    expect(of(MISKEYED).discrimination!).toBeLessThan(0);
  });

  it("calls out a distractor nobody picks, and only that one", () => {
    const kinds = of(DEAD_DISTRACTOR).flags.map((f) => f.kind);
    expect(kinds).toContain("DISTRACTEUR_DELAISSE");
    expect(kinds).not.toContain("CLE_CHOISIE_PAR_LES_FAIBLES");
    expect(of(DEAD_DISTRACTOR).flags.filter((f) => f.kind === "DISTRACTEUR_DELAISSE")).toMatchObject([{ option: 4 }]);
    expect(of(DEAD_DISTRACTOR).discrimination!).toBeGreaterThan(0.2);
  });

  it("does not call out the distractors of an item that is merely easy (every one rare, none left aside)", () => {
    const easy: StatisticsTest[] = Array.from({ length: 400 }, (_, i) => ({
      targetSkills: tube("e", 3),
      answers: [{ challengeId: "e-1-c0", skillId: "e-1", result: i % 100 < 95 ? "OK" : "KO", timeSpent: 10, value: choices(i % 100 < 95 ? 1 : 2 + (i % 3)) }],
    }));
    const [stats] = itemStatistics({ tests: easy, challenges: new Map([["e-1-c0", { type: "QCU", proposalsCount: 4, solution: [1] }]]), parameters: ENGINE_PARAMETERS });
    expect(stats.options!.filter((o) => !o.isKey).every((o) => o.share < 0.02)).toBe(true);
    expect(stats.flags.filter((f) => f.kind === "DISTRACTEUR_DELAISSE")).toEqual([]);
  });

  it("finds that items behaving as their model says discriminate positively, and flags none of them backwards", () => {
    const honest = statistics.filter((s) => s.challengeId !== MISKEYED && s.attempts >= MINIMUM_ATTEMPTS);
    expect(honest.length).toBeGreaterThan(10);
    const sorted = honest.map((s) => s.discrimination!).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThan(0.25);
    expect(honest.filter((s) => s.flags.some((f) => f.kind === "DISCRIMINATION_NEGATIVE")).length).toBeLessThanOrEqual(1);
  });
});

describe("itemStatistics: a pupil's repeated attempts", () => {
  const targetSkills = tube("a", 4);
  const answer = (challengeId: string, result: StatisticsAnswer["result"]): StatisticsAnswer => ({ challengeId, skillId: challengeId.slice(0, 3), result, timeSpent: 10, value: null });
  const challenges = new Map<string, ChallengeKey>();

  it("counts a pupil's first attempt at a challenge only: a retaken test after its correction is not a new pupil", () => {
    const tests: StatisticsTest[] = [
      { pupilId: 1, targetSkills, answers: [answer("a-2-c0", "KO"), answer("a-3-c0", "KO")] },
      { pupilId: 2, targetSkills, answers: [answer("a-2-c0", "OK")] },
      // Pupil 1 again (campaign retried, or another campaign): a-2-c0 seen already, a-1-c0 is new.
      { pupilId: 1, targetSkills, answers: [answer("a-2-c0", "OK"), answer("a-1-c0", "OK")] },
    ];
    const statistics = itemStatistics({ tests, challenges, parameters: ENGINE_PARAMETERS });
    const of = (id: string) => statistics.find((s) => s.challengeId === id)!;
    expect(of("a-2-c0")).toMatchObject({ attempts: 2, successes: 1 });
    expect(of("a-1-c0")).toMatchObject({ attempts: 1, successes: 1 });
    expect(of("a-3-c0")).toMatchObject({ attempts: 1, successes: 0 });
  });

  it("counts tests without a known pupil each on their own", () => {
    const tests: StatisticsTest[] = [
      { pupilId: null, targetSkills, answers: [answer("a-2-c0", "KO")] },
      { pupilId: null, targetSkills, answers: [answer("a-2-c0", "OK")] },
    ];
    expect(itemStatistics({ tests, challenges, parameters: ENGINE_PARAMETERS })[0]).toMatchObject({ attempts: 2, successes: 1 });
  });
});

describe("negative discrimination: only when clearly negative", () => {
  it("ignores a correlation just under zero, however many answers", () => {
    expect(isClearlyNegative(-0.01, 30)).toBe(false);
    expect(isClearlyNegative(-0.01, 5_000)).toBe(false);
    expect(isClearlyNegative(-0.08, 5_000)).toBe(false);
  });

  it("needs a correlation unlikely by chance for the number of answers (r·√n under −2)", () => {
    expect(isClearlyNegative(-0.3, 30)).toBe(false); // −1.64: one class can show it by chance
    expect(isClearlyNegative(-0.4, 30)).toBe(true);
    expect(isClearlyNegative(-0.15, 100)).toBe(false);
    expect(isClearlyNegative(-0.15, 400)).toBe(true);
    expect(isClearlyNegative(0.2, 400)).toBe(false);
  });
});
