import { challengeSchema, type ChallengeSource } from "../learning-content/schema";

/**
 * The « Questions » view of Analyse: each question the campaign's pupils met, with the class's success rate, its
 * text and its correction, grouped by subject (tube) or sorted by success rate. Pure: the counts and the content
 * come from lib/db/queries/item-responses.ts.
 */

export const QUESTION_SORTS = ["sujet", "reussite-croissante", "reussite-decroissante"] as const;
export type QuestionSort = (typeof QUESTION_SORTS)[number];
/** Questions per page when they are sorted by success rate (grouped by subject, a page is a few subjects). */
export const QUESTIONS_PER_PAGE = 40;
/** Subjects per page in the grouped view. */
export const SUBJECTS_PER_PAGE = 12;

export function parseQuestionSort(raw: unknown): QuestionSort {
  return typeof raw === "string" && (QUESTION_SORTS as readonly string[]).includes(raw) ? (raw as QuestionSort) : "sujet";
}

export function parsePage(raw: unknown): number {
  const page = typeof raw === "string" ? Number(raw) : 1;
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

export type QuestionRow = {
  challengeId: string;
  tubeId: string;
  tubeTitle: string;
  competence: string;
  areaColor: string;
  level: number;
  met: number;
  successes: number;
  /** Whole percent, rounded. */
  successPercent: number;
  type: ChallengeSource["type"];
  instruction: string;
  /** Proposals in the author's (canonical) order, the right ones marked; null for a typed answer. */
  proposals: { text: string; isKey: boolean }[] | null;
  /** The accepted answers of a typed answer (first variant of each field), else null. */
  expected: string[] | null;
  correction: string;
};

type Counted = { challengeId: string; met: number; successes: number };
type Context = { id: string; content: unknown; level: number; tubeId: string; tubeTitle: string; competenceIndex: string; competenceName: string; areaColor: string };

function expectedAnswers(c: ChallengeSource): string[] | null {
  switch (c.type) {
    case "QCU":
    case "QCM":
      return null;
    case "QROC":
      return [c.solutions.join(" / ")];
    case "QROCM-ind":
      return c.fields.map((f) => `${f.label} ${f.solutions.join(" / ")}`);
    case "QROCM-dep":
      return c.solutionGroups.map((g) => g.join(" / "));
  }
}

/** One row per question met (a challenge whose stored content no longer parses is left out rather than shown wrong). */
export function questionRows(counts: readonly Counted[], contexts: readonly Context[]): QuestionRow[] {
  const contextById = new Map(contexts.map((c) => [c.id, c]));
  return counts.flatMap((count) => {
    const context = contextById.get(count.challengeId);
    const parsed = context ? challengeSchema.safeParse(context.content) : null;
    if (!context || !parsed?.success || count.met === 0) return [];
    const c = parsed.data;
    const keys = c.type === "QCU" ? [c.solution] : c.type === "QCM" ? c.solution : [];
    return [{
      challengeId: count.challengeId,
      tubeId: context.tubeId,
      tubeTitle: context.tubeTitle,
      competence: `${context.competenceIndex} ${context.competenceName}`,
      areaColor: context.areaColor,
      level: context.level,
      met: count.met,
      successes: count.successes,
      successPercent: Math.round((100 * count.successes) / count.met),
      type: c.type,
      instruction: c.instruction,
      proposals: c.type === "QCU" || c.type === "QCM" ? c.proposals.map((text, i) => ({ text, isKey: keys.includes(i + 1) })) : null,
      expected: expectedAnswers(c),
      correction: c.correction,
    }];
  });
}

const bySuccess = (direction: 1 | -1) => (a: QuestionRow, b: QuestionRow) =>
  direction * (a.successes / a.met - b.successes / b.met) || b.met - a.met || a.challengeId.localeCompare(b.challengeId);

export type SubjectGroup = { tubeId: string; tubeTitle: string; competence: string; areaColor: string; met: number; successes: number; questions: QuestionRow[] };

export type QuestionView =
  | { sort: "sujet"; page: number; pages: number; questionCount: number; subjects: SubjectGroup[] }
  | { sort: "reussite-croissante" | "reussite-decroissante"; page: number; pages: number; questionCount: number; questions: QuestionRow[] };

/** Grouped by subject (competence order, then subject; in a subject by level), or one list by success rate; paged. */
export function questionView(rows: readonly QuestionRow[], sort: QuestionSort, requestedPage: number): QuestionView {
  if (sort !== "sujet") {
    const sorted = [...rows].sort(bySuccess(sort === "reussite-croissante" ? 1 : -1));
    const pages = Math.max(1, Math.ceil(sorted.length / QUESTIONS_PER_PAGE));
    const page = Math.min(requestedPage, pages);
    return { sort, page, pages, questionCount: rows.length, questions: sorted.slice((page - 1) * QUESTIONS_PER_PAGE, page * QUESTIONS_PER_PAGE) };
  }
  const groups = new Map<string, SubjectGroup>();
  for (const row of rows) {
    const group = groups.get(row.tubeId) ?? { tubeId: row.tubeId, tubeTitle: row.tubeTitle, competence: row.competence, areaColor: row.areaColor, met: 0, successes: 0, questions: [] };
    group.questions.push(row);
    group.met += row.met;
    group.successes += row.successes;
    groups.set(row.tubeId, group);
  }
  const subjects = [...groups.values()]
    .sort((a, b) => a.competence.localeCompare(b.competence, "fr", { numeric: true }) || a.tubeTitle.localeCompare(b.tubeTitle, "fr"))
    .map((g) => ({ ...g, questions: g.questions.sort((a, b) => a.level - b.level || a.challengeId.localeCompare(b.challengeId)) }));
  const pages = Math.max(1, Math.ceil(subjects.length / SUBJECTS_PER_PAGE));
  const page = Math.min(requestedPage, pages);
  return { sort, page, pages, questionCount: rows.length, subjects: subjects.slice((page - 1) * SUBJECTS_PER_PAGE, page * SUBJECTS_PER_PAGE) };
}
