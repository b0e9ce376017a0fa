import { describe, expect, it } from "vitest";
import { ENGINE_PARAMETERS } from "@/lib/domain/assessment/engine-parameters";
import { posteriorState } from "@/lib/domain/assessment/mastery-posterior";
import { createPrecisionStrategy, rateStandardDeviationPoints } from "@/lib/domain/assessment/precision-strategy";
import { masteryEstimate } from "@/lib/domain/assessment/mastery-estimate";
import { resultAtCompletion } from "@/lib/domain/assessment/result-at-completion";
import { selectNextChallenge } from "@/lib/domain/assessment/select-next-challenge";
import type { EngineSkill } from "@/lib/domain/assessment/types";
import { challengesFor, ke, pupilOfLevel, runAssessment, tube, type AskedQuestion, type Pupil } from "../../support/engine-builders";

const targetSkills = ["a", "b", "c", "d", "e", "f"].flatMap((id) => tube(id, 5));
const challenges = challengesFor(targetSkills, { perSkill: 2 });
const seeds = Array.from({ length: 12 }, (_, i) => `precision-${i}`);

function twoSigmaAfter(asked: readonly AskedQuestion[], skills: readonly EngineSkill[] = targetSkills): number {
  const observations = asked.map((q) => ({ skillId: q.skill.id, isSuccess: q.result === "OK" }));
  return 2 * rateStandardDeviationPoints(posteriorState({ targetSkills: skills, observations, parameters: ENGINE_PARAMETERS }));
}

describe("the precision engine", () => {
  it("stops as soon as the ± is within the target, so a looser target asks fewer questions", () => {
    for (const seed of seeds.slice(0, 4)) {
      const run = (target: number) => runAssessment({ targetSkills, challenges, pupil: pupilOfLevel(3), seed, strategy: createPrecisionStrategy({ target }) });
      const strict = run(8);
      const loose = run(20);
      expect(loose.asked.length).toBeLessThan(strict.asked.length);
      expect(twoSigmaAfter(loose.asked)).toBeLessThanOrEqual(20);
      // One question earlier the ± was still too wide: otherwise the test would have ended there.
      expect(twoSigmaAfter(loose.asked.slice(0, -1))).toBeGreaterThan(20);
      // The looser test is the beginning of the stricter one: the target only says where to stop.
      expect(strict.asked.slice(0, loose.asked.length).map((q) => q.challengeId)).toEqual(loose.asked.map((q) => q.challengeId));
    }
  });

  it("asks the question that most reduces the uncertainty, not one it can already predict", () => {
    const strategy = createPrecisionStrategy();
    // Tube a is settled around level 3 and tube b's answers agree; tube c is untouched: its skills are the most uncertain.
    const knowledgeElements = [ke("a-3"), ke("a-4", "INVALIDATED"), ke("b-3"), ke("b-4", "INVALIDATED")];
    const skills = [...tube("a", 5), ...tube("b", 5), ...tube("c", 5)];
    const next = selectNextChallenge({ targetSkills: skills, challenges: challengesFor(skills), knowledgeElements, answeredChallengeIds: [], lastAnswer: { challengeId: "x", isTimed: false }, seed: "s", strategy });
    expect(next).toMatchObject({ kind: "challenge" });
    expect(next.kind === "challenge" && next.skillId.startsWith("c-")).toBe(true);
  });

  it("re-checks, with another challenge, an answer the others make doubtful when that is the most informative question", () => {
    // Tube b says level 5; a-3 was failed (a-4 and a-5 inferred failed with it); a-1 and a-2 are surely mastered.
    const skills = [...tube("a", 5), ...tube("b", 5)];
    const bAnswers = [1, 2, 3, 4, 5].map((level) => ({ challengeId: `b-${level}-c0`, skillId: `b-${level}`, isSuccess: true }));
    const answers = [{ challengeId: "a-3-c0", skillId: "a-3", isSuccess: false }, ...bAnswers];
    const knowledgeElements = [ke("a-3", "INVALIDATED"), ke("a-4", "INVALIDATED", "INFERRED"), ke("a-5", "INVALIDATED", "INFERRED"), ...bAnswers.map((a) => ke(a.skillId))];
    const input = { targetSkills: skills, challenges: challengesFor(skills), knowledgeElements, answers, answeredChallengeIds: answers.map((a) => a.challengeId), lastAnswer: { challengeId: "b-5-c0", isTimed: false }, seed: "s", strategy: createPrecisionStrategy({ target: 2 }) };
    expect(selectNextChallenge(input)).toEqual({ kind: "challenge", skillId: "a-3", challengeId: "a-3-c1" });

    // Once re-checked, the tube is not re-checked again (nor any other skill of it answered once).
    const rechecked = { ...input, answers: [...answers, { challengeId: "a-3-c1", skillId: "a-3", isSuccess: true }], answeredChallengeIds: [...input.answeredChallengeIds, "a-3-c1"] };
    const after = selectNextChallenge(rechecked);
    expect(after.kind === "end" || (after.skillId !== "a-3" && after.skillId !== "a-4" && after.skillId !== "a-5")).toBe(true);
  });

  it("lets the posterior, not one slip, decide a tube's result", () => {
    for (const seed of seeds.slice(0, 6)) {
      let first: string | null = null;
      // A strong pupil who slips on the very first question only.
      const slipsOnce: Pupil = (skill, challenge) => {
        first ??= challenge.id;
        return challenge.id === first ? "KO" : pupilOfLevel(5)(skill, challenge);
      };
      const { asked, knowledgeElements } = runAssessment({ targetSkills, challenges, pupil: slipsOnce, seed, strategy: createPrecisionStrategy() });
      const answers = asked.map((q) => ({ challengeId: q.challengeId, skillId: q.skill.id, isSuccess: q.result === "OK" }));
      const { modelElements } = resultAtCompletion({ targetSkills, knowledgeElements, answers, parameters: ENGINE_PARAMETERS });
      const final = masteryEstimate({ targetSkills, knowledgeElements: [...knowledgeElements, ...modelElements] });
      expect(final.validatedCount).toBe(targetSkills.length);
    }
  });

  it("asks nothing, not even an opening question, when reused answers already give the precision", () => {
    const skills = tube("a", 3);
    const knowledgeElements = skills.flatMap((s) => [ke(s.id, s.level <= 2 ? "VALIDATED" : "INVALIDATED")]);
    const untested = [...skills, ...tube("z", [1])];
    const next = selectNextChallenge({ targetSkills: untested, challenges: challengesFor(untested), knowledgeElements, answeredChallengeIds: [], lastAnswer: null, seed: "s", strategy: createPrecisionStrategy({ target: 60 }) });
    expect(next).toEqual({ kind: "end" });
  });

  it("treats a skill guessed by an earlier test (MODEL element) as untested", () => {
    const skills = tube("a", [2]);
    const next = selectNextChallenge({ targetSkills: skills, challenges: challengesFor(skills), knowledgeElements: [ke("a-2", "VALIDATED", "MODEL")], answeredChallengeIds: [], lastAnswer: null, seed: "s", strategy: createPrecisionStrategy() });
    expect(next).toMatchObject({ kind: "challenge", skillId: "a-2" });
  });
});
