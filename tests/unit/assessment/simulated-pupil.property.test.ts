import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smartRandomStrategy } from "@/lib/domain/assessment/smart-random-strategy";
import { tubeBisectionStrategy } from "@/lib/domain/assessment/tube-bisection-strategy";
import { precisionStrategy } from "@/lib/domain/assessment/precision-strategy";
import type { AnswerResult, EngineChallenge, EngineSkill } from "@/lib/domain/assessment/types";
import { challengesFor, ke, runAssessment, tube, type Pupil } from "../../support/engine-builders";

/** A random campaign: 1–4 tubes, each with 1–7 distinct levels, 1–3 challenges per skill, some timed. */
const campaignArbitrary = fc
  .array(fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 4 })
  .chain((tubeLevels) => {
    const targetSkills = tubeLevels.flatMap((levels, i) => tube(`t${i}`, [...levels].sort((a, b) => a - b)));
    return fc.record({
      targetSkills: fc.constant(targetSkills),
      perSkill: fc.integer({ min: 1, max: 3 }),
      timedSkillIds: fc.subarray(targetSkills.map((s) => s.id)),
      timed: fc.constantFrom("all" as const, "first" as const),
      profile: fc.subarray(targetSkills).chain((known) =>
        fc.tuple(...known.map((s) => fc.tuple(fc.constant(s.id), fc.constantFrom("VALIDATED" as const, "INVALIDATED" as const)))),
      ),
    });
  });

/** A noisy pupil: true level per tube, and an answer flipped whenever the noise stream says so. */
function noisyPupil(trueLevels: readonly number[], flips: readonly boolean[]): Pupil {
  let answered = 0;
  return (skill: EngineSkill): AnswerResult => {
    const level = trueLevels[Number(skill.tubeId.slice(1)) % trueLevels.length];
    const isRight = (skill.level <= level) !== (flips[answered++ % Math.max(flips.length, 1)] ?? false);
    return isRight ? "OK" : "KO";
  };
}

describe("a simulated pupil", () => {
  it("always reaches the end in at most one question per target skill plus one re-check per tube, never re-asking a challenge", () => {
    fc.assert(
      fc.property(
        campaignArbitrary,
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { maxLength: 20 }),
        fc.string(),
        fc.constantFrom(smartRandomStrategy, tubeBisectionStrategy, precisionStrategy),
        (campaign, trueLevels, flips, seed, strategy) => {
          const { targetSkills, perSkill, timedSkillIds, timed } = campaign;
          const challenges: EngineChallenge[] = challengesFor(targetSkills, { perSkill, timedSkillIds, timed });
          const profile = campaign.profile.map(([skillId, status]) => ke(skillId, status));
          const run = runAssessment({ targetSkills, challenges, pupil: noisyPupil(trueLevels, flips), seed, strategy, profile, maxQuestions: 200 });

          const rechecks = run.asked.filter((q) => q.isRecheck);
          const tubeCount = new Set(targetSkills.map((s) => s.tubeId)).size;
          expect(run.hasEnded).toBe(true);
          expect(run.asked.length - rechecks.length).toBeLessThanOrEqual(targetSkills.length - profile.length);
          expect(new Set(run.asked.map((q) => q.challengeId)).size).toBe(run.asked.length);
          for (const question of run.asked) if (!question.isRecheck) expect(question.knownBefore.has(question.skill.id)).toBe(false);
          // Only the precision engine re-checks, once per tube at most, a skill asked once before.
          if (strategy !== precisionStrategy) expect(rechecks).toHaveLength(0);
          expect(new Set(rechecks.map((q) => q.skill.tubeId)).size).toBe(rechecks.length);
          expect(rechecks.length).toBeLessThanOrEqual(tubeCount);
          for (const q of rechecks) expect(run.asked.filter((other) => other.skill.id === q.skill.id)).toHaveLength(2);
        },
      ),
    );
  });

  it("never meets a timed challenge first or right after another when every skill has an untimed one", () => {
    fc.assert(
      fc.property(campaignArbitrary, fc.integer({ min: 0, max: 8 }), fc.string(), fc.constantFrom(smartRandomStrategy, tubeBisectionStrategy, precisionStrategy), (campaign, level, seed, strategy) => {
        const { targetSkills, timedSkillIds } = campaign;
        const challenges = challengesFor(targetSkills, { perSkill: 2, timedSkillIds, timed: "first" });
        const { asked } = runAssessment({ targetSkills, challenges, pupil: (s) => (s.level <= level ? "OK" : "KO"), seed, strategy });
        asked.forEach((question, i) => {
          if (i === 0 || asked[i - 1].isTimed) expect(question.isTimed).toBe(false);
        });
      }),
    );
  });
});
