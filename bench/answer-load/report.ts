/** Formatting of the bench's tables (French figures, as in bench/RESULTS.md). */
import { NO_FREE_PUPIL, percentile, type PhaseStats } from "./open-loop";
import type { perCycle } from "./metrics";


export type RateRow = { stats: PhaseStats; cost: ReturnType<typeof perCycle>; rssMaxMb: number; rssEndMb: number };

const ms = (value: number) => (Number.isNaN(value) ? "—" : value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
const one = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—");

export function errorCount(stats: PhaseStats): number {
  return [...stats.errors.values()].reduce((a, b) => a + b, 0);
}

export function achievedRate(stats: PhaseStats): number {
  return stats.ok / stats.seconds;
}

export function errorText(stats: PhaseStats): string {
  const total = errorCount(stats);
  if (total === 0) return "0";
  const kinds = [...stats.errors].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} ${kind.length > 60 ? `${kind.slice(0, 57)}…` : kind}`);
  return `${total} sur ${stats.arrivals} (${kinds.join(" ; ")})`;
}

export const RATE_HEADER =
  "| offert /s | obtenu /s | p50 | p95 | p99 | erreurs | CPU app ms/cycle | CPU PostgreSQL ms/cycle | transactions/cycle | requêtes SQL/cycle | requêtes HTTP/cycle | RSS app max (fin) | CPU bench ms/cycle | renvois (dont 503) | réponses de mémoire |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

export function rateLine(row: RateRow): string {
  const { stats, cost } = row;
  const lat = stats.latencies;
  const proxies = cost.proxyCpuMs > 0.05 ? ` (+ ${one(cost.proxyCpuMs)} nginx/PgBouncer)` : "";
  return `| ${stats.offered} | ${one(achievedRate(stats))} | ${ms(percentile(lat, 50))} | ${ms(percentile(lat, 95))} | ${ms(percentile(lat, 99))} | ${errorText(stats)} | ${one(cost.appCpuMs)}${proxies} | ${one(cost.postgresCpuMs)} | ${one(cost.transactions)} | ${one(cost.statements)} | ${one(stats.requests / Math.max(1, stats.arrivals - (stats.errors.get(NO_FREE_PUPIL) ?? 0)))} | ${Math.round(row.rssMaxMb)} Mo (${Math.round(row.rssEndMb)}) | ${one(cost.benchCpuMs)} | ${stats.retries} (${stats.gateRefusals}) | ${Number.isFinite(cost.fromMemory) ? `${Math.round(100 * cost.fromMemory)} %` : "—"} |`;
}

/** Capacity: the highest achieved rate with p95 ≤ 100 ms and no error. */
export function capacity(rows: RateRow[]): RateRow | null {
  const good = rows.filter((r) => errorCount(r.stats) === 0 && percentile(r.stats.latencies, 95) <= 100);
  return good.sort((a, b) => achievedRate(b.stats) - achievedRate(a.stats))[0] ?? null;
}

/**
 * The rates offered below the capacity's that failed in the same run (a sweep is not always monotone: a first rate
 * still paying for the logins, a disturbed window). The capacity stays the highest passing rate, but a school offered
 * one of these rates got what that row shows: run.ts prints them beside the capacity.
 */
export function failedBelow(rows: RateRow[], best: RateRow | null): RateRow[] {
  if (!best) return [];
  return rows.filter((r) => !passes(r) && r.stats.offered < best.stats.offered).sort((a, b) => a.stats.offered - b.stats.offered);
}

const passes = (row: RateRow) => errorCount(row.stats) === 0 && percentile(row.stats.latencies, 95) <= 100;

/**
 * The next rate of the refinement (run.ts --refine): halfway (rounded to `step`) between the highest offered rate
 * that passed and the lowest offered rate above it that failed; null when there is no such pair or they are at most
 * `step` apart. Offered rates, not achieved ones: the bisection is over what the bench controls.
 */
export function refineTarget(rows: RateRow[], step: number): number | null {
  const passed = rows.filter(passes).map((r) => r.stats.offered);
  if (passed.length === 0) return null;
  const low = Math.max(...passed);
  const failedAbove = rows.filter((r) => !passes(r) && r.stats.offered > low).map((r) => r.stats.offered);
  if (failedAbove.length === 0) return null;
  const high = Math.min(...failedAbove);
  if (high - low <= step) return null;
  const middle = Math.round((low + high) / 2 / step) * step;
  return middle > low && middle < high ? middle : null;
}
