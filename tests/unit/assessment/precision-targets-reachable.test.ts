import { describe, expect, it } from "vitest";
import { playAssessment } from "@/bench/adaptive/simulate";
import { benchParcours } from "@/bench/adaptive/tasks";
import { ENGINE_PARAMETERS } from "@/lib/domain/assessment/engine-parameters";
import { createPrecisionStrategy } from "@/lib/domain/assessment/precision-strategy";
import { resultAtCompletion } from "@/lib/domain/assessment/result-at-completion";
import { PRECISION_TARGET_CHOICES } from "@/lib/domain/campaigns/campaign-form";

/**
 * A precision offered to a campaign must be one the engine can deliver on the parcours it runs: on each collège rentrée
 * parcours (5e, 4e: 16 tubes; 3e: 32), at least the easiest pupil there is — perfectly consistent answers, right up to a
 * level in every tube and wrong above, no slip, no guess — ends with 2σ within it. ± 4 and ± 6, offered until 08/12,
 * failed this on 5e and 3e (best 6.2 points; independent reviews review14 and recheck14, ADR 0011 « 08/12 »).
 */
const PARCOURS = ["tp-rentree-5e", "tp-rentree-4e", "tp-rentree-3e"];
const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8];

function bestTwoSigma(parcoursId: string, target: number): { points: number; level: number } {
  const parcours = benchParcours().find((p) => p.id === parcoursId)!;
  let best = { points: Number.POSITIVE_INFINITY, level: -1 };
  for (const level of LEVELS) {
    const trace = playAssessment({
      parcours,
      strategy: createPrecisionStrategy({ target, parameters: ENGINE_PARAMETERS }),
      seed: `consistent-${parcoursId}-${level}`,
      answer: (skill) => skill.level <= level,
    });
    const { posterior } = resultAtCompletion({ targetSkills: parcours.targetSkills, knowledgeElements: trace.knowledgeElements, answers: trace.answers, parameters: ENGINE_PARAMETERS });
    const points = 200 * posterior.masteryStandardError;
    if (points < best.points) best = { points, level };
  }
  return best;
}

describe("every precision offered to a campaign can be reached on each collège rentrée parcours", () => {
  for (const parcoursId of PARCOURS) {
    for (const target of PRECISION_TARGET_CHOICES) {
      it(`${parcoursId}, ± ${target}: a perfectly consistent pupil ends with 2σ ≤ ${target} points`, () => {
        const best = bestTwoSigma(parcoursId, target);
        expect(best.points, `best 2σ ${best.points.toFixed(1)} points (pupil at level ${best.level})`).toBeLessThanOrEqual(target);
      }, 60_000);
    }
  }
});
