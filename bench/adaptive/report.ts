/** Plain-text tables of the bench (French, like the app). */
import { interval, mean, meanInterval, percentile, questionsAtError, type Interval } from "./statistics";
import type { CalibrationOutcome } from "./calibration-cohort";
import type { LearnerModel } from "./learner-models";
import type { RowSeries, TaskResult } from "./tasks";

export type RowGroup = { parcoursId: string; parcoursName: string; skills: number; tubes: number; model: string; row: string; perSeed: RowSeries[] };

const short = (text: string, width: number) => (text.length <= width ? text : `${text.slice(0, width - 1)}…`);
const pts = (value: number) => (100 * value).toFixed(1);
const withInterval = (value: Interval, format: (v: number) => string) =>
  Number.isNaN(value.halfWidth) ? format(value.mean) : `${format(value.mean)} ± ${format(value.halfWidth)}`;

function table(header: string[], body: string[][], leftColumns: number): string {
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((cells) => cells[column].length)));
  const render = (cells: string[]) => cells.map((cell, column) => (column < leftColumns ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  return [render(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(render)].join("\n");
}

export function seedMetrics(series: RowSeries) {
  const covered = series.covered.filter((c): c is boolean => c !== null);
  const coveredAsShown = (series.coveredAsShown ?? []).filter((c): c is boolean => c !== null);
  return {
    questions: mean(series.questions),
    absoluteError: mean(series.errors.map(Math.abs)),
    bias: mean(series.errors),
    offBy15: series.errors.filter((e) => Math.abs(e) > 0.15).length / series.errors.length,
    coverage: covered.length === 0 ? null : covered.filter(Boolean).length / covered.length,
    coverageAsShown: coveredAsShown.length === 0 ? null : coveredAsShown.filter(Boolean).length / coveredAsShown.length,
  };
}

/** Groups the synthetic results by population, parcours and row; one series per seed. */
export function groupRows(results: readonly TaskResult[], parcoursInfo: Map<string, { name: string; skills: number; tubes: number }>): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const { task, rows } of results) {
    if (task.kind !== "synthetic") continue;
    for (const [row, series] of Object.entries(rows)) {
      const key = `${task.model}|${task.parcoursId}|${row}`;
      const info = parcoursInfo.get(task.parcoursId)!;
      const group = groups.get(key) ?? { parcoursId: task.parcoursId, parcoursName: info.name, skills: info.skills, tubes: info.tubes, model: task.model, row, perSeed: [] };
      group.perSeed.push(series);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

export function formatMainTable(groups: readonly RowGroup[]): string {
  const header = ["parcours", "acquis", "ligne", "questions (IC95)", "p90", "EAM pts (IC95)", "biais pts (IC95)", "> 15 pts % (IC95)", "± couvre % (IC95)", "« % ± » affiché couvre"];
  const body = groups.map((group) => {
    const metrics = group.perSeed.map(seedMetrics);
    const coverage = metrics.map((m) => m.coverage).filter((c): c is number => c !== null);
    const coverageAsShown = metrics.map((m) => m.coverageAsShown).filter((c): c is number => c !== null);
    return [
      short(group.parcoursName, 30),
      String(group.skills),
      group.row,
      withInterval(interval(metrics.map((m) => m.questions)), (v) => v.toFixed(1)),
      String(percentile(group.perSeed.flatMap((s) => s.questions), 0.9)),
      withInterval(interval(metrics.map((m) => m.absoluteError)), pts),
      withInterval(interval(metrics.map((m) => m.bias)), pts),
      withInterval(interval(metrics.map((m) => m.offBy15)), pts),
      coverage.length === 0 ? "—" : withInterval(interval(coverage), pts),
      coverageAsShown.length === 0 ? "—" : withInterval(interval(coverageAsShown), pts),
    ];
  });
  return table(header, body, 3);
}

/**
 * Each engine against the reference row, parcours by parcours, per seed then over seeds: for a single row,
 * its questions as a ratio and its error difference; for a curve (several stopping targets), the questions
 * it needs to reach the reference's mean error, as a ratio ("≤" when even its shortest test is as precise,
 * "n.a." when even its longest is less precise).
 */
export function formatComparison(groups: readonly RowGroup[], reference: string, curves: Record<string, readonly string[]>, singles: readonly string[]): string {
  const byParcours = new Map<string, RowGroup[]>();
  for (const group of groups) byParcours.set(group.parcoursId, [...(byParcours.get(group.parcoursId) ?? []), group]);
  const names = [...singles, ...Object.keys(curves)];
  const header = ["parcours", "tubes", ...names.map((name) => `${name} / ${reference}`)];
  const body: string[][] = [];
  for (const list of byParcours.values()) {
    const base = list.find((g) => g.row === reference);
    if (!base) continue;
    const baseMetrics = base.perSeed.map(seedMetrics);
    const cells = names.map((name) => {
      if (singles.includes(name)) {
        const other = list.find((g) => g.row === name);
        if (!other) return "—";
        const metrics = other.perSeed.map(seedMetrics);
        const ratio = interval(metrics.map((m, s) => m.questions / baseMetrics[s].questions));
        const delta = interval(metrics.map((m, s) => m.absoluteError - baseMetrics[s].absoluteError));
        return `${withInterval(ratio, (v) => v.toFixed(2))}× (EAM ${delta.mean >= 0 ? "+" : ""}${withInterval(delta, pts)})`;
      }
      const rows = curves[name].map((row) => list.find((g) => g.row === row)).filter((g): g is RowGroup => g !== undefined);
      const ratios: number[] = [];
      let bounds = 0;
      for (let s = 0; s < baseMetrics.length; s++) {
        const points = rows.map((g) => seedMetrics(g.perSeed[s])).map((m) => ({ questions: m.questions, error: m.absoluteError }));
        const reached = questionsAtError(points, baseMetrics[s].absoluteError);
        if (!reached) return "n.a. (moins précis)";
        if (reached.isBound) bounds++;
        ratios.push(reached.questions / baseMetrics[s].questions);
      }
      return `${bounds > 0 ? "≤ " : ""}${withInterval(interval(ratios), (v) => v.toFixed(2))}×`;
    });
    body.push([short(list[0].parcoursName, 30), String(list[0].tubes), ...cells]);
  }
  return table(header, body, 2);
}

export type TestWiseGroup = { parcoursName: string; row: string; display: string; byKind: Record<string, number[]> };

export function formatTestWise(groups: readonly TestWiseGroup[], kinds: readonly string[]): string {
  const header = ["parcours", "ligne", "options", ...kinds.map((k) => `${k} % (IC95)`), "écart max au hasard"];
  const body = groups.map((group) => {
    const means = Object.fromEntries(kinds.map((k) => [k, meanInterval(group.byKind[k] ?? [])]));
    const random = means["hasard"]?.mean ?? Number.NaN;
    const gap = Math.max(...kinds.filter((k) => k !== "hasard").map((k) => Math.abs(means[k].mean - random)));
    return [short(group.parcoursName, 30), group.row, group.display, ...kinds.map((k) => withInterval(means[k], pts)), `${pts(gap)} pts`];
  });
  return table(header, body, 3);
}

export function formatTiming(timings: readonly { parcoursName: string; engine: string; values: number[] }[]): string {
  const header = ["parcours", "moteur", "questions mesurées", "ms / question (moy.)", "p99", "max"];
  const body = timings.map((t) => [short(t.parcoursName, 30), t.engine, String(t.values.length), mean(t.values).toFixed(3), percentile(t.values, 0.99).toFixed(3), Math.max(...t.values).toFixed(3)]);
  return table(header, body, 2);
}

/**
 * The parameters each population's calibration cohorts gave, per parcours (mean over seeds ± IC95), beside
 * the simulated population's own values. For « uniforme » the ability is uniform on 0–7, not normal: its
 * « prior » is that law's mean and standard deviation around the reference level.
 */
export function formatCalibration(
  outcomes: readonly CalibrationOutcome[],
  parcoursInfo: Map<string, { name: string; referenceLevel: number }>,
  order: (parcoursId: string) => number,
  truth: LearnerModel,
): string {
  const header = ["parcours", "cohortes", "réponses / cohorte", "tours EM", "slip", "guess", "τ", "a priori : décalage", "a priori : écart-type", "s / calibration"];
  const byParcours = new Map<string, CalibrationOutcome[]>();
  for (const outcome of outcomes) byParcours.set(outcome.task.parcoursId, [...(byParcours.get(outcome.task.parcoursId) ?? []), outcome]);
  const two = (v: number) => v.toFixed(2);
  const three = (v: number) => v.toFixed(3);
  const body: string[][] = [];
  for (const [parcoursId, list] of [...byParcours.entries()].sort(([a], [b]) => order(a) - order(b))) {
    const info = parcoursInfo.get(parcoursId)!;
    const of = (pick: (o: CalibrationOutcome) => number, format: (v: number) => string) => withInterval(interval(list.map(pick)), format);
    const iterations = list.map((o) => o.iterations);
    body.push([
      short(list[0].task.label ?? info.name, 30),
      `${list.length} (${list.filter((o) => o.converged).length} convergées)`,
      of((o) => o.answers, (v) => v.toFixed(0)),
      `${Math.min(...iterations)}–${Math.max(...iterations)}`,
      of((o) => o.parameters.slip, three),
      of((o) => o.parameters.guess, three),
      of((o) => o.parameters.tubeSpread, two),
      of((o) => o.parameters.levelPrior.offsetFromReference, two),
      of((o) => o.parameters.levelPrior.standardDeviation, two),
      of((o) => o.seconds, (v) => v.toFixed(1)),
    ]);
    const uniform = truth.name === "uniforme";
    body.push([
      "  vrai (population simulée)",
      "",
      "",
      "",
      three(truth.slip),
      three(truth.guess),
      two(truth.tubeSpread),
      uniform ? `${two(3.5 - info.referenceLevel)} (U(0, 7))` : "0.00",
      uniform ? `${two(7 / Math.sqrt(12))} (U(0, 7))` : "1.50",
      "",
    ]);
  }
  return table(header, body, 1);
}
