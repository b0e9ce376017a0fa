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

/** Whether a challenge shows proposals to choose from (and so is shuffled). */
export function hasProposals(challenge: { type: string }): boolean {
  return challenge.type === "QCU" || challenge.type === "QCM";
}

/**
 * The canonical proposal numbers of the positions a pupil ticked (1-based, in display order), or null when
 * a position is not on the page (a forged or stale form): the page only ever sends positions, so the
 * canonical numbers, and with them the author's order, never reach the browser.
 */
export function canonicalChoices(order: readonly number[], positions: readonly number[]): number[] | null {
  const canonical: number[] = [];
  for (const position of positions) {
    if (!Number.isInteger(position) || position < 1 || position > order.length) return null;
    canonical.push(order[position - 1]);
  }
  return canonical;
}

/** The display order of a challenge's proposals for an assessment, or undefined for a text challenge. */
export function displayOrder(seed: string, challenge: { id: string; type: string; proposals?: readonly string[] }): number[] | undefined {
  return hasProposals(challenge) && challenge.proposals ? optionOrder(seed, challenge.id, challenge.proposals.length) : undefined;
}
