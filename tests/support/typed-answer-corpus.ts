import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isAnswerCorrect, type AnswerInput } from "@/lib/domain/learning-content/check-answer";
import type { ChallengeSource } from "@/lib/domain/learning-content/schema";

/** The typed-answer corpus (tests/fixtures/typed-answers/README.md) run through the real checker. */

export const CORPUS_DIR = path.resolve(import.meta.dirname, "../fixtures/typed-answers");

type TypedAnswer = string | Record<string, string>;
type CorpusEntry = { right: TypedAnswer[]; wrong: TypedAnswer[] };

export type CorpusVerdict = {
  file: string;
  challengeId: string;
  expected: "right" | "wrong";
  answer: TypedAnswer;
  accepted: boolean;
};

export type CorpusProblem = { file: string; challengeId: string; message: string };

function fieldKeys(challenge: ChallengeSource): string[] {
  if (challenge.type === "QROC") return [challenge.field.key];
  if (challenge.type === "QROCM-ind" || challenge.type === "QROCM-dep") return challenge.fields.map((f) => f.key);
  return [];
}

function asInput(challenge: ChallengeSource, answer: TypedAnswer): AnswerInput | null {
  const keys = fieldKeys(challenge);
  if (typeof answer === "string") return keys.length === 1 ? { kind: "fields", values: { [keys[0]]: answer } } : null;
  const given = Object.keys(answer).sort();
  if (given.join() !== [...keys].sort().join()) return null;
  return { kind: "fields", values: answer };
}

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((name) => name.endsWith(".json")).sort();
}

/** Every typed answer of every corpus file, with the checker's verdict; malformed entries become problems. */
export function runCorpus(challenges: ReadonlyMap<string, ChallengeSource>): { verdicts: CorpusVerdict[]; problems: CorpusProblem[] } {
  const verdicts: CorpusVerdict[] = [];
  const problems: CorpusProblem[] = [];
  for (const file of corpusFiles()) {
    const entries = JSON.parse(readFileSync(path.join(CORPUS_DIR, file), "utf8")) as Record<string, CorpusEntry>;
    for (const [challengeId, entry] of Object.entries(entries)) {
      const challenge = challenges.get(challengeId);
      const problem = (message: string) => problems.push({ file, challengeId, message });
      if (!challenge || fieldKeys(challenge).length === 0) {
        problem("pas de QROC ou QROCM avec cet identifiant dans le contenu");
        continue;
      }
      for (const expected of ["right", "wrong"] as const) {
        for (const answer of entry[expected] ?? []) {
          const input = asInput(challenge, answer);
          if (!input) {
            problem(`réponse ${JSON.stringify(answer)} : champs attendus ${fieldKeys(challenge).join(", ")}`);
            continue;
          }
          verdicts.push({ file, challengeId, expected, answer, accepted: isAnswerCorrect(challenge, input) });
        }
      }
    }
  }
  return { verdicts, problems };
}

export type CorpusRates = { right: number; falseRejections: number; wrong: number; falseAcceptances: number };

export function corpusRates(verdicts: readonly CorpusVerdict[]): CorpusRates {
  const right = verdicts.filter((v) => v.expected === "right");
  const wrong = verdicts.filter((v) => v.expected === "wrong");
  return {
    right: right.length,
    falseRejections: right.filter((v) => !v.accepted).length,
    wrong: wrong.length,
    falseAcceptances: wrong.filter((v) => v.accepted).length,
  };
}

export function describeVerdict(v: CorpusVerdict): string {
  const verdict = v.expected === "right" ? "refusée à tort" : "acceptée à tort";
  return `${v.file} › ${v.challengeId} : ${JSON.stringify(v.answer)} ${verdict}`;
}
