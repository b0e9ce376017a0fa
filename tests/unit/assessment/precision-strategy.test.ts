import { describe, expect, it } from "vitest";
import { ENGINE_PARAMETERS } from "@/lib/domain/assessment/engine-parameters";
import { posteriorState } from "@/lib/domain/assessment/mastery-posterior";
import { createPrecisionStrategy, minimumGainFor, rateStandardDeviationPoints } from "@/lib/domain/assessment/precision-strategy";
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
  it("stops as soon as the ± is within the target (or no question is worth it for that target), so a looser target asks fewer questions", () => {
    for (const seed of seeds.slice(0, 4)) {
      let lastBestGain: number | null = null;
      const run = (target: number) =>
        runAssessment({ targetSkills, challenges, pupil: pupilOfLevel(3), seed, strategy: createPrecisionStrategy({ target, onPrecision: (_sd, _context, bestGain) => (lastBestGain = bestGain) }) });
      const strict = run(8);
      const loose = run(20);
      expect(loose.asked.length).toBeLessThan(strict.asked.length);
      const finalBestGain = lastBestGain as number | null;
      expect(twoSigmaAfter(loose.asked) <= 20 || (finalBestGain !== null && finalBestGain < minimumGainFor(20))).toBe(true);
      // One question earlier the ± was still too wide: otherwise the test would have ended there.
      expect(twoSigmaAfter(loose.asked.slice(0, -1))).toBeGreaterThan(20);
      // The looser test is the beginning of the stricter one: the target only says where to stop.
      expect(strict.asked.slice(0, loose.asked.length).map((q) => q.challengeId)).toEqual(loose.asked.map((q) => q.challengeId));
    }
  });

  it("judges a question worth asking against the variance the campaign accepts: a loose target stops once no question matters for it", () => {
    // The bar is a share of (target / 2)²: four times higher at ± 16 than at ± 8.
    expect(minimumGainFor(16)).toBeCloseTo(4 * minimumGainFor(8), 12);
    // Sixteen tubes of three levels (a rentrée 4e): a pupil in the middle of the scale whose answers contradict each other.
    const shortParcours = Array.from({ length: 16 }, (_, i) => tube(`t${i}`, [1, 2, 3])).flat();
    const shortChallenges = challengesFor(shortParcours, { perSkill: 2 });
    const erratic = (): Pupil => {
      let answered = 0;
      return (skill) => ((answered++ % 3 === 0) === skill.level >= 3 ? "OK" : "KO");
    };
    const play = (seed: string, options: Parameters<typeof createPrecisionStrategy>[0]) =>
      runAssessment({ targetSkills: shortParcours, challenges: shortChallenges, pupil: erratic(), seed, strategy: createPrecisionStrategy(options) });
    let stoppedSooner = 0;
    for (const seed of seeds.slice(0, 4)) {
      const loose = play(seed, { target: 12 });
      const fixedBar = play(seed, { target: 12, minimumGain: 0.5 });
      // Same questions in the same order: the bar only says where the test ends.
      expect(fixedBar.asked.slice(0, loose.asked.length).map((q) => q.challengeId)).toEqual(loose.asked.map((q) => q.challengeId));
      if (loose.asked.length < fixedBar.asked.length) {
        stoppedSooner++;
        // It ended for want of a worthwhile question, not because the ± was reached.
        expect(twoSigmaAfter(loose.asked, shortParcours)).toBeGreaterThan(12);
      }
    }
    expect(stoppedSooner).toBeGreaterThan(0);
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
