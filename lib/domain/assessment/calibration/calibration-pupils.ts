import type { Observation } from "../mastery-posterior";
import { referenceLevel } from "../reference-level";
import type { EngineSkill } from "../types";

/** One finished test as calibration reads it: the campaign's target skills and the answers, in order. */
export type CalibrationPupil = {
  targetSkills: readonly EngineSkill[];
  /** The answers of the test (a re-checked skill appears twice); challengeId feeds the item statistics. */
  answers: readonly (Observation & { challengeId: string })[];
};

/**
 * A test reduced to what the likelihood needs: the prior's centre (from every target skill) and the target
 * skills of the answered tubes only — an unanswered tube sums to 1 over its states and drops out exactly.
 */
export type PreparedPupil = { referenceLevel: number; skills: readonly EngineSkill[]; answers: CalibrationPupil["answers"] };

export function preparePupils(pupils: readonly CalibrationPupil[]): PreparedPupil[] {
  return pupils.flatMap((pupil) => {
    const skillById = new Map(pupil.targetSkills.map((skill) => [skill.id, skill]));
    const answers = pupil.answers.filter((answer) => skillById.has(answer.skillId));
    if (answers.length === 0) return [];
    const answeredTubes = new Set(answers.map((answer) => skillById.get(answer.skillId)!.tubeId));
    return [{ referenceLevel: referenceLevel(pupil.targetSkills), skills: pupil.targetSkills.filter((skill) => answeredTubes.has(skill.tubeId)), answers }];
  });
}
