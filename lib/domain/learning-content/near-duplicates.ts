import { simplify, singular } from "./answer-context";
import type { ChallengeSource } from "./schema";

/**
 * Items of different subjects that ask the same thing reward one lesson twice. Two items are near
 * duplicates when their instructions share most of their words (Jaccard ≥ 0.62 on the meaningful words:
 * « Citez deux extensions de fichiers audio / vidéo »), or when their right answers share most of their
 * words (≥ 0.6), their proposals too (≥ 0.5), and their instructions are on the same topic (≥ 0.1):
 * « appliquer le style Titre 1 » asked twice under two wordings. Thresholds were set on the whole bank so
 * that the pairs found by the first review come out and few others do.
 */
export const INSTRUCTION_THRESHOLD = 0.62;
export const ANSWER_THRESHOLD = 0.6;
export const PROPOSALS_THRESHOLD = 0.5;
export const TOPIC_THRESHOLD = 0.1;

const STOP_WORDS = new Set(
  ("le la les de des du un une et ou en a au aux que qui quoi pour par sur dans d l est sont vous votre vos ce cette ces il ils elle elles " +
    "on ne pas plus se s y son sa ses leur leurs avec sans qu c n j m t quel quelle quels quelles comment faut lui oui non vrai faux resultat").split(" "),
);

function meaningfulWords(text: string, isAnswer: boolean): Set<string> {
  const words = simplify(text).match(/[a-z0-9]+/g) ?? [];
  // Answers: numbers and one- or two-letter options (« 3 », « B ») say nothing of the topic.
  return new Set(words.filter((w) => !STOP_WORDS.has(w) && !(isAnswer && (w.length < 3 || /^\d+$/.test(w)))).map(singular));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function answerText(c: ChallengeSource): { right: string; all: string } {
  switch (c.type) {
    case "QCU":
      return { right: c.proposals[c.solution - 1] ?? "", all: c.proposals.join(" ") };
    case "QCM":
      return { right: c.solution.map((n) => c.proposals[n - 1] ?? "").join(" "), all: c.proposals.join(" ") };
    case "QROC":
      return { right: c.solutions.join(" "), all: c.solutions.join(" ") };
    case "QROCM-ind": {
      const text = c.fields.flatMap((f) => f.solutions).join(" ");
      return { right: text, all: text };
    }
    case "QROCM-dep": {
      const text = c.solutionGroups.flat().join(" ");
      return { right: text, all: text };
    }
  }
}

export type DuplicateCandidate = { id: string; tubeId: string; challenge: ChallengeSource };
export type NearDuplicate = { first: string; second: string; instruction: number; answer: number };

/** Every pair of items of different tubes that look like the same question (same-tube variants are expected). */
export function findNearDuplicates(items: readonly DuplicateCandidate[]): NearDuplicate[] {
  const prepared = items.map((item) => {
    const { right, all } = answerText(item.challenge);
    return { ...item, instruction: meaningfulWords(item.challenge.instruction, false), right: meaningfulWords(right, true), all: meaningfulWords(all, true) };
  });
  const pairs: NearDuplicate[] = [];
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const [a, b] = [prepared[i], prepared[j]];
      if (a.tubeId === b.tubeId) continue;
      const instruction = jaccard(a.instruction, b.instruction);
      // Most pairs share no topic: their answers need not be compared.
      if (instruction < TOPIC_THRESHOLD) continue;
      const answer = jaccard(a.right, b.right);
      const sameInstruction = instruction >= INSTRUCTION_THRESHOLD;
      const sameAnswer = answer >= ANSWER_THRESHOLD && jaccard(a.all, b.all) >= PROPOSALS_THRESHOLD;
      if (sameInstruction || sameAnswer) pairs.push({ first: a.id, second: b.id, instruction, answer });
    }
  }
  return pairs.sort((x, y) => Math.max(y.instruction, y.answer) - Math.max(x.instruction, x.answer));
}
