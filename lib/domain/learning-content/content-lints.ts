import { findNearDuplicates } from "./near-duplicates";
import type { ChallengeSource } from "./schema";
import type { ParsedContent } from "./validate-content";

/**
 * Validity lints of the question bank (content guide, « Validity »): nothing in an item's form may give
 * the answer away, the same fact is not asked twice, distractors are real, collège items read like the
 * cycle 4 course. `npm run content:check` prints them and fails on errors.
 *
 * THE SWITCH: rules the bank did not meet yet when they were written were warnings while the content
 * review of issue 13 was under way. The reviewed competences and the last pairs and items have landed:
 * every rule is an error (npm test fails on it). Kept as a switch so that a later rule can start as a warning.
 */
export const CONTENT_REVIEW_LANDED = true;

/**
 * Rules the bank already meets: errors, so that no change brings the problem back. The key-longest share and
 * Python in cycle-4 items joined when the reviewed competences landed (12 % of QCU; none).
 */
const ALWAYS_ERRORS = new Set(["qcu-trois-propositions", "cle-la-plus-longue", "python-cycle-4"]);

export const MAX_KEY_LONGEST_SHARE = 0.35;

/** Parcours taken by 5e and 4e pupils, who learn programming with blocks (cycle 4), not Python. */
export const CYCLE_4_PROFILE_IDS = ["tp-rentree-5e", "tp-rentree-4e"];

export type LintSeverity = "error" | "warning";
export type LintResult = { rule: string; title: string; severity: LintSeverity; ok: boolean; figures: string[]; offenders: string[] };

type Item = { competence: string; tubeId: string; level: number; challenge: ChallengeSource };

function itemsOf(content: ParsedContent): Item[] {
  return content.competences.flatMap((c) => c.tubes.flatMap((t) => t.skills.flatMap((s) => s.challenges.map((challenge) => ({ competence: c.index, tubeId: t.id, level: s.level, challenge })))));
}

const percent = (n: number, total: number) => `${n}/${total} (${total === 0 ? 0 : Math.round((100 * n) / total)} %)`;

/** A QCU whose key is strictly the longest proposal, in characters: pupils learn to pick the longest. */
export function isKeyStrictlyLongest(c: ChallengeSource): boolean {
  if (c.type !== "QCU") return false;
  const key = c.proposals[c.solution - 1]?.length ?? 0;
  return c.proposals.every((p, i) => i === c.solution - 1 || p.length < key);
}

function keyLongest(items: readonly Item[]) {
  const qcu = items.filter((i) => i.challenge.type === "QCU");
  const longest = qcu.filter((i) => isKeyStrictlyLongest(i.challenge));
  const competences = [...new Set(qcu.map((i) => i.competence))].sort();
  const figures = competences.map((c) => `${c} : ${percent(longest.filter((i) => i.competence === c).length, qcu.filter((i) => i.competence === c).length)}`);
  figures.unshift(`ensemble : ${percent(longest.length, qcu.length)} (au plus ${MAX_KEY_LONGEST_SHARE * 100} %)`);
  return { ok: longest.length <= MAX_KEY_LONGEST_SHARE * qcu.length, figures, offenders: longest.map((i) => i.challenge.id) };
}

const PYTHON = [/```python/i, /\bprint\s*\(/, /\bdef\s+\w+\s*\(/, /\bfor\s+\w+\s+in\s+/, /\brange\s*\(/, /\belif\b/, /^\s*(?:if|while|else)\b[^\n]*:\s*$/m, /^\s*return\b/m];

/** Python syntax (not block-style pseudo-code) in an item's instruction or proposals. */
export function hasPythonSyntax(c: ChallengeSource): boolean {
  const text = [c.instruction, ...("proposals" in c ? c.proposals : [])].join("\n");
  return PYTHON.some((pattern) => pattern.test(text));
}

export function lintContent(content: ParsedContent): LintResult[] {
  const items = itemsOf(content);
  const severity = (rule: string): LintSeverity => (ALWAYS_ERRORS.has(rule) || CONTENT_REVIEW_LANDED ? "error" : "warning");
  const results: LintResult[] = [];
  const add = (rule: string, title: string, outcome: { ok: boolean; figures: string[]; offenders: string[] }) => results.push({ rule, title, severity: severity(rule), ...outcome });

  add("cle-la-plus-longue", "QCU dont la bonne réponse est strictement la plus longue", keyLongest(items));

  const pairs = findNearDuplicates(items.map((i) => ({ id: i.challenge.id, tubeId: i.tubeId, challenge: i.challenge })));
  add("quasi-doublons", "Épreuves de sujets différents qui posent la même question", {
    ok: pairs.length === 0,
    figures: [`${pairs.length} paire(s)`],
    offenders: pairs.map((p) => `${p.first} ↔ ${p.second} (consignes ${p.instruction.toFixed(2)}, réponses ${p.answer.toFixed(2)})`),
  });

  const tooFewQcu = items.filter((i) => i.challenge.type === "QCU" && i.challenge.proposals.length < 3);
  add("qcu-trois-propositions", "QCU avec moins de 3 propositions", { ok: tooFewQcu.length === 0, figures: [`${tooFewQcu.length} épreuve(s)`], offenders: tooFewQcu.map((i) => i.challenge.id) });

  const fewDistractors = items.filter((i) => (i.challenge.type === "QCU" && i.level >= 3 && i.challenge.proposals.length < 4) || (i.challenge.type === "QCM" && i.challenge.proposals.length < 4));
  add("distracteurs", "QCU de niveau 3 et plus, et QCM, avec moins de 4 propositions", { ok: fewDistractors.length === 0, figures: [`${fewDistractors.length} épreuve(s)`], offenders: fewDistractors.map((i) => `${i.challenge.id} (niveau ${i.level})`) });

  const cycle4Tubes = new Set(content.targetProfiles.filter((p) => CYCLE_4_PROFILE_IDS.includes(p.id)).flatMap((p) => p.tubes.map((t) => t.tubeId)));
  const python = items.filter((i) => i.level <= 2 && cycle4Tubes.has(i.tubeId) && hasPythonSyntax(i.challenge));
  add("python-cycle-4", "Syntaxe Python dans les épreuves de niveau 1-2 des parcours de 5e et 4e (pseudo-code en blocs attendu)", { ok: python.length === 0, figures: [`${python.length} épreuve(s)`], offenders: python.map((i) => `${i.challenge.id} (niveau ${i.level})`) });

  return results;
}
