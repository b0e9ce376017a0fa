import type { ItemStatistics } from "../assessment/calibration/item-statistics";
import { count, decimal } from "../shared/french-text";

export { count };

/**
 * The words of `npm run content:item-report` (scripts/content-item-report.ts), pure so that they are tested: French
 * plurals (« 1 réponse », « 2 réponses »; 0 and 1 take the singular in French), percentages rounded.
 */
const percent = (x: number) => `${Math.round(100 * x)} %`;

export function summaryLine(input: { tests: number; answers: number; repeatedAnswers: number; questions: number; reports: number; reportedQuestions: number }): string {
  const repeated = input.repeatedAnswers > 0 ? ` (dont ${count(input.repeatedAnswers, "réponse répétée d'un même élève, écartée", "réponses répétées d'un même élève, écartées")})` : "";
  return `${count(input.tests, "test terminé", "tests terminés")}, ${count(input.answers, "réponse", "réponses")}${repeated}, ${count(input.questions, "question répondue", "questions répondues")} ; ${count(input.reports, "signalement", "signalements")} d'élèves sur ${count(input.reportedQuestions, "question", "questions")}.`;
}

export function methodLine(minimumAttempts: number): string {
  return `Discrimination : corrélation bisériale de point entre la réussite et le niveau estimé de l'élève (moyenne a posteriori, ses autres réponses seulement), la première tentative de chaque élève seulement. Aucun signal avant ${count(minimumAttempts, "réponse", "réponses")}.`;
}

export function listHeading(questions: number, listed: number): string {
  const first = questions > listed ? (listed === 1 ? " (la première)" : ` (les ${listed} premières)`) : "";
  return `${count(questions, "question", "questions")} à examiner${first} :`;
}

export function statisticsLine(s: ItemStatistics): string {
  const expected = s.expectedSuccessRate !== null ? ` (${percent(s.expectedSuccessRate)} attendus)` : "";
  const time = s.medianTimeSeconds === null ? "—" : `${Math.round(s.medianTimeSeconds)} s`;
  return `${count(s.attempts, "réponse", "réponses")} : ${percent(s.successRate)} de réussite${expected}, ${percent(s.skipRate)} « Je passe », ${s.timeouts} hors délai, temps médian ${time}, discrimination ${s.discrimination === null ? "—" : decimal(s.discrimination, 2)}`;
}

export function optionsLine(options: NonNullable<ItemStatistics["options"]>): string {
  return `Propositions : ${options.map((o) => `${o.option}${o.isKey ? "✓" : ""} ${percent(o.share)} (${count(o.chosen, "choix", "choix")}${o.meanLevel === null ? "" : `, niveau ${decimal(o.meanLevel, 1)}`})`).join(" · ")}`;
}

/** « 3 signalements : 2 « … », 1 « … » ». */
export function reportsLine(byCategory: readonly (readonly [label: string, n: number])[]): string {
  const total = byCategory.reduce((sum, [, n]) => sum + n, 0);
  return `${count(total, "signalement", "signalements")} : ${byCategory.map(([label, n]) => `${n} « ${label} »`).join(", ")}`;
}
