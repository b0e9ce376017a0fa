/**
 * Learner models of the bench: how synthetic pupils answer. Two models, so that a strategy that only
 * works when the engine's assumptions hold is caught:
 * - « uniforme » (the bench's historical model): general ability uniform over 0–7 whatever the parcours,
 *   per-tube level = round(ability + N(0, 1)), slip 10 %, guess 20 %. It differs from the engine's model
 *   (normal prior centred on the parcours, guess 15 %) and puts most pupils of low parcours at the ceiling.
 * - « normale »: ability ~ N(reference level of the parcours, 1.5²) — a class meets the parcours written
 *   for it — per-tube noise N(0, 1), slip 10 %, guess 15 %: the engine's own structure.
 * A pupil masters every skill of a tube up to their level in it (levels clipped to 0..8).
 */
import { referenceLevel } from "../../lib/domain/assessment/reference-level";
import type { EngineSkill } from "../../lib/domain/assessment/types";
import type { Parcours } from "./load-parcours";
import { gaussian } from "./random";

export type LearnerModelName = "uniforme" | "normale";

export type LearnerModel = {
  name: LearnerModelName;
  slip: number;
  guess: number;
  tubeSpread: number;
  drawAbility: (random: () => number, parcours: Parcours) => number;
};

const MAX_LEVEL = 8;

export const LEARNER_MODELS: Record<LearnerModelName, LearnerModel> = {
  uniforme: { name: "uniforme", slip: 0.1, guess: 0.2, tubeSpread: 1, drawAbility: (random) => random() * 7 },
  normale: {
    name: "normale",
    slip: 0.1,
    guess: 0.15,
    tubeSpread: 1,
    drawAbility: (random, parcours) => referenceLevel(parcours.targetSkills) + 1.5 * gaussian(random),
  },
};

export type SyntheticPupil = { levelByTubeId: ReadonlyMap<string, number> };

export function generatePupil(parcours: Parcours, model: LearnerModel, random: () => number): SyntheticPupil {
  const ability = model.drawAbility(random, parcours);
  const levelByTubeId = new Map<string, number>();
  for (const tubeId of parcours.tubeIds) {
    const level = Math.round(ability + model.tubeSpread * gaussian(random));
    levelByTubeId.set(tubeId, Math.min(MAX_LEVEL, Math.max(0, level)));
  }
  return { levelByTubeId };
}

export function masters(pupil: SyntheticPupil, skill: EngineSkill): boolean {
  return skill.level <= (pupil.levelByTubeId.get(skill.tubeId) ?? 0);
}

/** A pupil's true mastery rate: share of target skills at or below their level in the tube. */
export function trueMasteryRate(parcours: Parcours, pupil: SyntheticPupil): number {
  return parcours.targetSkills.filter((skill) => masters(pupil, skill)).length / parcours.targetSkills.length;
}

/** Right with probability 1 − slip on a mastered skill, `guess` otherwise. */
export function answersCorrectly(pupil: SyntheticPupil, skill: EngineSkill, model: LearnerModel, random: () => number): boolean {
  return random() < (masters(pupil, skill) ? 1 - model.slip : model.guess);
}
