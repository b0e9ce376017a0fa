import { describe, expect, it } from "vitest";
import { predictLevel } from "@/lib/domain/assessment/level-estimate";
import { selectNextChallenge, type SelectNextChallengeInput } from "@/lib/domain/assessment/select-next-challenge";
import type { SelectionStrategy } from "@/lib/domain/assessment/selection-strategy";
import { smartRandomStrategy } from "@/lib/domain/assessment/smart-random-strategy";
import { tubeBisectionStrategy } from "@/lib/domain/assessment/tube-bisection-strategy";
import { precisionStrategy } from "@/lib/domain/assessment/precision-strategy";
import { challengesFor, ke, pupilOfLevel, runAssessment, tube } from "../../support/engine-builders";

const seeds = Array.from({ length: 25 }, (_, i) => `assessment-${i}`);
const strategies = [smartRandomStrategy, tubeBisectionStrategy, precisionStrategy];

function select(overrides: Partial<SelectNextChallengeInput> & Pick<SelectNextChallengeInput, "targetSkills" | "challenges">) {
  return selectNextChallenge({ knowledgeElements: [], answeredChallengeIds: [], lastAnswer: null, seed: "assessment-1", ...overrides });
}

describe.each(strategies)("selectNextChallenge with $name", (strategy) => {
  const targetSkills = [...tube("a", 6), ...tube("b", 5), ...tube("c", 7)];

  it("opens with a level-2 question", () => {
    for (const seed of seeds) {
      const next = select({ targetSkills, challenges: challengesFor(targetSkills), seed, strategy });
      expect(next).toMatchObject({ kind: "challenge" });
      expect(next.kind === "challenge" && next.skillId.endsWith("-2")).toBe(true);
    }
  });

  it("opens with the lowest level when no level 2 is available", () => {
    const skills = [...tube("a", [3, 4, 5, 6]), ...tube("b", [4, 5, 6])];
    const next = select({ targetSkills: skills, challenges: challengesFor(skills), strategy });
    expect(next).toMatchObject({ kind: "challenge", skillId: "a-3" });
  });

  it("never opens with a timed challenge", () => {
    const timedSkillIds = ["a-2", "b-2"];
    for (const seed of seeds) {
      const next = select({ targetSkills, challenges: challengesFor(targetSkills, { timedSkillIds }), seed, strategy });
      expect(next).toMatchObject({ kind: "challenge", skillId: "c-2" });
    }
  });

  it("avoids a second timed challenge in a row, unless nothing else is left", () => {
    const skills = tube("a", 6);
    const knowledgeElements = [ke("a-2")];
    const lastAnswer = { challengeId: "a-2-c0", isTimed: true };
    const allTimed = challengesFor(skills, { timedSkillIds: skills.map((s) => s.id) });
    const next = select({ targetSkills: skills, challenges: allTimed, knowledgeElements, lastAnswer, strategy });
    expect(next).toMatchObject({ kind: "challenge" });

    const onlyA4Untimed = challengesFor(skills, { timedSkillIds: skills.filter((s) => s.id !== "a-4").map((s) => s.id) });
    for (const seed of seeds) {
      const untimed = select({ targetSkills: skills, challenges: onlyA4Untimed, knowledgeElements, lastAnswer, seed, strategy });
      expect(untimed).toMatchObject({ kind: "challenge", skillId: "a-4" });
    }
  });

  it("picks the untimed challenge of a skill that has both after a timed one", () => {
    const skills = tube("a", 4);
    const challenges = challengesFor(skills, { perSkill: 3, timedSkillIds: skills.map((s) => s.id), timed: "first" });
    for (const seed of seeds) {
      const next = select({ targetSkills: skills, challenges, knowledgeElements: [ke("a-2")], lastAnswer: { challengeId: "x", isTimed: true }, seed, strategy });
      expect(next.kind === "challenge" && !next.challengeId.endsWith("-c0")).toBe(true);
    }
  });

  it("plays easy tubes (max level ≤ 3) first", () => {
    const skills = [...tube("hard", 6), ...tube("easy", 3), ...tube("hard2", 5)];
    for (const seed of seeds.slice(0, 8)) {
      const { asked } = runAssessment({ targetSkills: skills, challenges: challengesFor(skills), pupil: pupilOfLevel(4), seed, strategy });
      const tubes = asked.map((question) => question.skill.tubeId);
      const lastEasy = tubes.lastIndexOf("easy");
      expect(lastEasy).toBeGreaterThanOrEqual(0);
      expect(tubes.slice(0, lastEasy + 1).every((tubeId) => tubeId === "easy")).toBe(true);
    }
  });

  it("ends when every target skill is known, or has no challenge", () => {
    const skills = tube("a", 3);
    const known = skills.map((s) => ke(s.id));
    expect(select({ targetSkills: skills, challenges: challengesFor(skills), knowledgeElements: known, strategy })).toEqual({ kind: "end" });
    expect(select({ targetSkills: skills, challenges: [], strategy })).toEqual({ kind: "end" });
  });

  it("never proposes a challenge already answered in this assessment", () => {
    const skills = tube("a", [2]);
    const challenges = challengesFor(skills, { perSkill: 2 });
    expect(select({ targetSkills: skills, challenges, answeredChallengeIds: ["a-2-c0"], strategy })).toMatchObject({ challengeId: "a-2-c1" });
    expect(select({ targetSkills: skills, challenges, answeredChallengeIds: ["a-2-c0", "a-2-c1"], strategy })).toEqual({ kind: "end" });
  });

  it("is deterministic for a seed, and seeds spread pupils over the questions", () => {
    const challenges = challengesFor(targetSkills, { perSkill: 3 });
    const sequence = (seed: string) =>
      runAssessment({ targetSkills, challenges, pupil: pupilOfLevel(3), seed, strategy }).asked.map((question) => question.challengeId).join(",");
    expect(sequence("assessment-7")).toBe(sequence("assessment-7"));
    expect(new Set(seeds.map(sequence)).size).toBeGreaterThan(1);
  });

  it("reuses the profile: a skill known from another campaign is not asked again", () => {
    const profile = [ke("a-2"), ke("a-1", "VALIDATED", "INFERRED")];
    const { asked } = runAssessment({ targetSkills, challenges: challengesFor(targetSkills), pupil: pupilOfLevel(3), seed: "s", strategy, profile });
    expect(asked.map((question) => question.skill.id)).not.toContain("a-2");
    expect(asked.map((question) => question.skill.id)).not.toContain("a-1");
  });
});

describe("the timed rule and the precision engine's re-check", () => {
  it("never re-checks with a timed challenge right after a timed one: the test ends instead (found by the property test)", () => {
    // t0-1 asked first with its untimed challenge, then t1-6's timed one; t0-1's only challenge left is timed.
    const targetSkills = [...tube("t0", [1, 7]), ...tube("t1", [6])];
    const challenges = challengesFor(targetSkills, { perSkill: 2, timedSkillIds: ["t0-1", "t1-6"], timed: "first" });
    const { asked, hasEnded } = runAssessment({ targetSkills, challenges, pupil: () => "KO", seed: "", strategy: precisionStrategy });
    expect(hasEnded).toBe(true);
    asked.forEach((question, i) => {
      if (i > 0 && asked[i - 1].isTimed) expect(question.isTimed, `${i}: ${question.challengeId}`).toBe(false);
    });
    expect(asked.map((q) => q.challengeId)).toEqual(["t0-1-c1", "t1-6-c0"]);
  });
});

describe("smart random specifics", () => {
  const targetSkills = [...tube("a", 6), ...tube("b", 5), ...tube("c", 7)];

  it("never asks a skill more than 2 levels above the predicted level", () => {
    for (const [i, seed] of seeds.slice(0, 10).entries()) {
      const { asked, knowledgeElements } = runAssessment({ targetSkills, challenges: challengesFor(targetSkills), pupil: pupilOfLevel(i % 7), seed, strategy: smartRandomStrategy });
      expect(knowledgeElements.length).toBeGreaterThan(0);
      asked.forEach((question, index) => {
        if (index === 0) return;
        const before = knowledgeElements.filter((element) => question.knownBefore.has(element.skillId) && element.source === "DIRECT");
        const direct = before.map((element) => ({ difficulty: targetSkills.find((s) => s.id === element.skillId)!.level, isSuccess: element.status === "VALIDATED" }));
        expect(question.skill.level - predictLevel(direct)).toBeLessThanOrEqual(2);
      });
    }
  });

  it("ends when the only untested skill is far above the predicted level", () => {
    const skills = [...tube("a", 6), ...tube("b", 3)];
    const profile = [ke("b-1", "INVALIDATED"), ke("b-2", "INVALIDATED", "INFERRED"), ke("b-3", "INVALIDATED", "INFERRED")];
    const knowledgeElements = [...profile, ...[1, 2, 3, 4, 5].map((level) => ke(`a-${level}`, "VALIDATED", "INFERRED"))];
    const lastAnswer = { challengeId: "b-1-c0", isTimed: false };
    expect(select({ targetSkills: skills, challenges: challengesFor(skills), knowledgeElements, lastAnswer, strategy: smartRandomStrategy })).toEqual({ kind: "end" });
  });
});

describe("tube bisection specifics", () => {
  const strategy = tubeBisectionStrategy;
  const lowLevelProfile = [ke("b-1", "INVALIDATED"), ke("b-2", "INVALIDATED", "INFERRED"), ke("b-3", "INVALIDATED", "INFERRED")];
  const lastAnswer = { challengeId: "b-1-c0", isTimed: false };

  it("keeps asking in a tube whose own answers make the next skill likely, even above the predicted level + 2", () => {
    const skills = [...tube("a", 6), ...tube("b", 3)];
    const knowledgeElements = [...lowLevelProfile, ...[1, 2, 3, 4, 5].map((level) => ke(`a-${level}`, "VALIDATED", "INFERRED"))];
    expect(select({ targetSkills: skills, challenges: challengesFor(skills), knowledgeElements, lastAnswer, strategy })).toMatchObject({ skillId: "a-6" });
  });

  it("ends when no question is worth its cost: the remaining skills are very likely failed", () => {
    const skills = [...tube("h", [6, 7, 8]), ...tube("b", 3)];
    expect(select({ targetSkills: skills, challenges: challengesFor(skills), knowledgeElements: lowLevelProfile, lastAnswer, strategy })).toEqual({ kind: "end" });
  });
});

describe("selectNextChallenge with a custom strategy", () => {
  it("uses the given strategy, but only within the available skills", () => {
    const skills = tube("a", 4);
    const hardest: SelectionStrategy = { name: "hardest", chooseCandidateSkills: (context) => context.availableSkills.filter((s) => s.level === 4) };
    expect(select({ targetSkills: skills, challenges: challengesFor(skills), strategy: hardest })).toMatchObject({ skillId: "a-4" });

    const cheater: SelectionStrategy = { name: "cheater", chooseCandidateSkills: () => [skills[0]] };
    const knowledgeElements = [ke("a-1")];
    expect(select({ targetSkills: skills, challenges: challengesFor(skills), knowledgeElements, strategy: cheater })).toEqual({ kind: "end" });
  });

  it("defaults to smart random", () => {
    const skills = [...tube("a", 6), ...tube("b", 5)];
    const input = { targetSkills: skills, challenges: challengesFor(skills), knowledgeElements: [ke("a-2")], lastAnswer: { challengeId: "a-2-c0", isTimed: false } };
    expect(select(input)).toEqual(select({ ...input, strategy: smartRandomStrategy }));
  });
});
