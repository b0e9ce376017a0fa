import { describe, expect, it } from "vitest";
import { ENGINE_PARAMETERS } from "@/lib/domain/assessment/engine-parameters";
import { masteryEstimate } from "@/lib/domain/assessment/mastery-estimate";
import { createPrecisionStrategy } from "@/lib/domain/assessment/precision-strategy";
import { resultAtCompletion } from "@/lib/domain/assessment/result-at-completion";
import type { SelectionStrategy } from "@/lib/domain/assessment/selection-strategy";
import { smartRandomStrategy } from "@/lib/domain/assessment/smart-random-strategy";
import type { EngineSkill, KnowledgeElementInput } from "@/lib/domain/assessment/types";
import { challengesFor, ke, runAssessment, tube, type Pupil } from "../../support/engine-builders";

// Rentrée 5e's shape (16 tubes of levels 1 and 2) and a longer one with levels 1–4: the invariant must hold on both.
const shapes: Record<string, EngineSkill[]> = {
  "16 tubes × 2": Array.from({ length: 16 }, (_, t) => tube(`t${t}`, 2)).flat(),
  "8 tubes × 4": Array.from({ length: 8 }, (_, t) => tube(`u${t}`, 4)).flat(),
};

/** A pupil of a general level whose tubes differ (deterministic by tube) and who slips on one skill in five. */
function unevenPupil(level: number): Pupil {
  return (skill) => {
    const tubeIndex = Number(skill.tubeId.slice(1));
    const tubeLevel = level + ((tubeIndex * 7) % 3) - 1;
    const slips = (tubeIndex + skill.level) % 5 === 0;
    return skill.level <= tubeLevel && !slips ? "OK" : "KO";
  };
}

const strategies: Record<string, SelectionStrategy> = {
  "précision ± 8": createPrecisionStrategy(),
  "précision ± 20": createPrecisionStrategy({ target: 20 }),
  "smart random": smartRandomStrategy,
};

describe("the result at completion: validated / total is the posterior's median count", () => {
  for (const [shape, targetSkills] of Object.entries(shapes)) {
    const challenges = challengesFor(targetSkills, { perSkill: 2 });
    for (const [engine, strategy] of Object.entries(strategies)) {
      it(`${shape}, ${engine}: every screen's count is the median, made of the most probable skills`, () => {
        for (const level of [0, 1, 2, 3, 5]) {
          // An earlier test's direct answer and an earlier MODEL guess are in the profile: only the first is evidence.
          const profile: KnowledgeElementInput[] = [ke(targetSkills[0].id, level >= 1 ? "VALIDATED" : "INVALIDATED"), ke(targetSkills[3].id, "VALIDATED", "MODEL")];
          const { asked, knowledgeElements } = runAssessment({ targetSkills, challenges, pupil: unevenPupil(level), seed: `completion-${shape}-${level}`, strategy, profile });
          const answers = asked.map((q) => ({ challengeId: q.challengeId, skillId: q.skill.id, isSuccess: q.result === "OK" }));
          const { posterior, modelElements } = resultAtCompletion({ targetSkills, knowledgeElements, answers, parameters: ENGINE_PARAMETERS });

          // What Résultats, the pupil detail, paliers and the export read: the latest element of each target skill.
          const shown = masteryEstimate({ targetSkills, knowledgeElements: [...knowledgeElements, ...modelElements] });
          const medianCount = posterior.masteryMedian * targetSkills.length;
          expect(Number.isInteger(Math.round(medianCount * 1e9) / 1e9)).toBe(true);
          expect(shown.validatedCount).toBe(Math.round(medianCount));
          expect(shown.masteryRate).toBeCloseTo(posterior.masteryMedian, 12);
          expect(shown.untestedCount).toBe(0);

          // The validated skills are the most probably mastered ones: none left out is more probable than one kept.
          const latest = new Map([...knowledgeElements, ...modelElements].map((element) => [element.skillId, element.status]));
          const probability = (skill: EngineSkill) => posterior.masteredProbabilityBySkillId.get(skill.id)!;
          const validated = targetSkills.filter((skill) => latest.get(skill.id) === "VALIDATED").map(probability);
          const invalidated = targetSkills.filter((skill) => latest.get(skill.id) !== "VALIDATED").map(probability);
          if (validated.length > 0 && invalidated.length > 0) expect(Math.min(...validated)).toBeGreaterThanOrEqual(Math.max(...invalidated) - 1e-12);
        }
      });
    }
  }
});
