/**
 * Synthetic pupils for the adaptive-engine bench: seeded, so two runs print the same table.
 * A pupil has a general ability and, per tube, a true level scattered around it (pupils are
 * uneven: good at search, weak at spreadsheets). Answers follow a slip/guess model.
 */

/** mulberry32: tiny, fast, good enough for simulations; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw (Box–Muller). */
function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export type PupilModel = { slip: number; guess: number; spread: number };

export type SyntheticPupil = {
  /** True level (0..8) per tube id: the pupil masters every skill of the tube up to it. */
  levelByTubeId: ReadonlyMap<string, number>;
};

export const MAX_LEVEL = 8;
const MAX_ABILITY = 7;

export function generatePupil(tubeIds: readonly string[], model: PupilModel, random: () => number): SyntheticPupil {
  const ability = random() * MAX_ABILITY;
  const levelByTubeId = new Map<string, number>();
  for (const tubeId of tubeIds) {
    const level = Math.round(ability + model.spread * gaussian(random));
    levelByTubeId.set(tubeId, Math.min(MAX_LEVEL, Math.max(0, level)));
  }
  return { levelByTubeId };
}

/** Right with probability 1 − slip on a skill within the pupil's level, `guess` above it. */
export function answersCorrectly(pupil: SyntheticPupil, tubeId: string, level: number, model: PupilModel, random: () => number): boolean {
  const isMastered = level <= (pupil.levelByTubeId.get(tubeId) ?? 0);
  return random() < (isMastered ? 1 - model.slip : model.guess);
}
