import type { EngineParameters } from "@/lib/domain/assessment/engine-parameters";
import { referenceLevel } from "@/lib/domain/assessment/reference-level";
import type { EngineSkill } from "@/lib/domain/assessment/types";

/** mulberry32 and Box–Muller: a seeded stream, so that tests on simulated pupils are deterministic. */
export function seededStream(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(next(), Number.EPSILON))) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

export type ModelPupil = {
  masters: (skill: EngineSkill) => boolean;
  /** A right answer or not, on a question of this skill; `difficulty` makes it behave as another level of the tube. */
  answers: (skill: EngineSkill, difficulty?: number) => boolean;
  trueRate: number;
};

/** A pupil drawn from the engine's own model with the given parameters: θ, then a level per tube, then answers. */
export function modelPupil(targetSkills: readonly EngineSkill[], parameters: EngineParameters, random: ReturnType<typeof seededStream>): ModelPupil {
  const theta = referenceLevel(targetSkills) + parameters.levelPrior.offsetFromReference + parameters.levelPrior.standardDeviation * random.normal();
  const levelByTube = new Map<string, number>();
  for (const skill of targetSkills) {
    if (!levelByTube.has(skill.tubeId)) levelByTube.set(skill.tubeId, Math.min(8, Math.max(0, Math.round(theta + parameters.tubeSpread * random.normal()))));
  }
  const masters = (skill: EngineSkill) => skill.level <= levelByTube.get(skill.tubeId)!;
  return {
    masters,
    answers: (skill, difficulty = skill.level) => random.next() < (difficulty <= levelByTube.get(skill.tubeId)! ? 1 - parameters.slip : parameters.guess),
    trueRate: targetSkills.filter(masters).length / targetSkills.length,
  };
}
