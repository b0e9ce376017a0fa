import type { RunOutcome } from "./simulate";

export type Row = { parcours: string; skills: number; strategy: string; outcomes: RunOutcome[] };

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);

/** Nearest-rank 90th percentile. */
function percentile90(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.9 * sorted.length) - 1)] ?? 0;
}

export function summarise(outcomes: readonly RunOutcome[]) {
  return {
    meanQuestions: mean(outcomes.map((o) => o.questions)),
    p90Questions: percentile90(outcomes.map((o) => o.questions)),
    meanAbsoluteError: mean(outcomes.map((o) => Math.abs(o.estimatedRate - o.trueRate))),
    bias: mean(outcomes.map((o) => o.estimatedRate - o.trueRate)),
    endedShare: outcomes.filter((o) => o.hasEnded).length / Math.max(outcomes.length, 1),
  };
}

/** A plain-text table: one line per parcours × strategy, then the totals per strategy. */
export function formatTable(rows: readonly Row[]): string {
  const header = ["parcours", "acquis", "stratégie", "questions moy.", "p90", "EAM maîtrise", "biais", "terminés"];
  const line = (row: Row) => {
    const s = summarise(row.outcomes);
    return [
      row.parcours,
      String(row.skills),
      row.strategy,
      s.meanQuestions.toFixed(1),
      String(s.p90Questions),
      `${(100 * s.meanAbsoluteError).toFixed(1)} pts`,
      `${(100 * s.bias).toFixed(1)} pts`,
      `${(100 * s.endedShare).toFixed(0)} %`,
    ];
  };
  const strategies = [...new Set(rows.map((row) => row.strategy))];
  const totals = strategies.map((strategy) => {
    const mine = rows.filter((row) => row.strategy === strategy);
    return line({ parcours: "TOUS", skills: mine.reduce((a, r) => a + r.skills, 0), strategy, outcomes: mine.flatMap((r) => r.outcomes) });
  });
  const body = [header, ...rows.map(line), ...totals];
  const widths = header.map((_, column) => Math.max(...body.map((cells) => cells[column].length)));
  const render = (cells: string[]) => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [render(header), rule, ...rows.map((row) => render(line(row))), rule, ...totals.map(render)].join("\n");
}

/**
 * Each strategy against the first one, parcours by parcours (same pupils): mean relative change in
 * questions and mean change in absolute error. Averaging per parcours keeps the long "rentrée"
 * parcours from dominating, as it does in the TOUS lines.
 */
export function formatComparison(rows: readonly Row[]): string {
  const [reference, ...others] = [...new Set(rows.map((row) => row.strategy))];
  return others
    .map((strategy) => {
      const pairs = rows
        .filter((row) => row.strategy === reference)
        .map((base) => [summarise(base.outcomes), summarise(rows.find((r) => r.strategy === strategy && r.parcours === base.parcours)!.outcomes)]);
      const questions = mean(pairs.map(([base, other]) => other.meanQuestions / base.meanQuestions - 1));
      const error = mean(pairs.map(([base, other]) => other.meanAbsoluteError - base.meanAbsoluteError));
      const sign = (value: number) => (value > 0 ? "+" : "");
      return `${strategy} vs ${reference} (moyenne par parcours) : questions ${sign(questions)}${(100 * questions).toFixed(1)} %, EAM ${sign(error)}${(100 * error).toFixed(2)} pts`;
    })
    .join("\n");
}
