import { hashString } from "../assessment/seeded-pick";

/**
 * The order in which a pupil sees the proposals of a choice question: a permutation seeded by the
 * assessment and the challenge, so that it stays the same across reloads, checkpoints and corrections,
 * while the position of the right answer tells nothing (authors tend to write the key first).
 *
 * Returns the canonical 1-based proposal numbers in display order: `order[i]` is the proposal shown at
 * position i + 1. Answers are stored with canonical numbers; map displayed positions back with it.
 */
export function optionOrder(seed: string, challengeId: string, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i + 1);
  const next = mulberry32(hashString(`${seed}:${challengeId}`));
  // Fisher–Yates: every permutation equally likely given a uniform generator.
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** A small, well-mixed 32-bit generator (Tommy Ettinger's mulberry32): plenty for shuffling ≤ 8 options. */
function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
