/**
 * What holds the app's memory, read from inside the app processes: the bench's probe (memory-probe.mjs, preloaded
 * by app-cluster.ts) answers SIGUSR2 with process.memoryUsage() and the V8 heap spaces. RSS alone cannot tell a
 * V8 heap that grew (young generation, old generation), buffers outside it (`external`, `arrayBuffers`: sockets,
 * zlib, pg) and pages the C allocator keeps after they are freed (RSS − heapTotal − external, roughly).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { processTree } from "./proc-stats";
import { STATE_DIR } from "./settings";

export const MEMORY_DIR = path.resolve(STATE_DIR, "memory");

export type MemoryReport = {
  pid: number;
  collected: boolean;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  spaces: Record<string, number>;
  /** Bytes used in each space (absent from reports of an older probe). */
  spacesUsed?: Record<string, number>;
  /** The heap snapshot written with this report, when asked for. */
  snapshot?: string;
  /**
   * The answer path's remembered states (lib/db/repositories/answer-states.ts): count and estimated bytes summed over
   * the module's instances in the process, and its bound (absent from reports of an older probe or build).
   */
  /** Garbage collections by kind since the process started, `forced` the probe's own (absent from an older probe's reports). */
  gcCounts?: { minor: number; major: number; incremental: number; weakcb: number; forced: number; majorMs: number };
  answerStates?: { instances: number; count: number; bytes: number; maxBytes: number; perInstance?: { count: number; bytes: number }[] };
};

/** The remembered states over the serving processes: count, estimated MB, module instances (0 when none reported). */
export function statesOf(reports: MemoryReport[]): { count: number; megabytes: number; instances: number } {
  return {
    count: reports.reduce((sum, r) => sum + (r.answerStates?.count ?? 0), 0),
    megabytes: reports.reduce((sum, r) => sum + (r.answerStates?.bytes ?? 0), 0) / 2 ** 20,
    instances: reports.reduce((sum, r) => sum + (r.answerStates?.instances ?? 0), 0),
  };
}

/**
 * Asks every process under the app roots for its report and returns the serving process's (the one with the
 * largest RSS: the server under its `sh -c` and `tsx` wrappers) for each root. `afterGc`: after a full collection;
 * `snapshot`: with a heap snapshot too (seconds of a stopped process: at rest only).
 */
export async function memoryReports(roots: number[], options: { afterGc?: boolean; snapshot?: boolean } = {}): Promise<MemoryReport[]> {
  mkdirSync(MEMORY_DIR, { recursive: true });
  const gcFlag = path.join(MEMORY_DIR, "gc");
  const snapshotFlag = path.join(MEMORY_DIR, "snapshot");
  if (options.afterGc) writeFileSync(gcFlag, "");
  else rmSync(gcFlag, { force: true });
  if (options.snapshot) writeFileSync(snapshotFlag, "");
  else rmSync(snapshotFlag, { force: true });
  const asked = new Map<number, number[]>();
  for (const root of roots) {
    const tree = processTree([root]);
    asked.set(root, tree);
    for (const pid of tree) {
      rmSync(path.join(MEMORY_DIR, `${pid}.json`), { force: true });
      if (!existsSync(path.join(MEMORY_DIR, `${pid}.probe`))) continue; // not a node process with the probe
      try {
        process.kill(pid, "SIGUSR2");
      } catch {
        // ended
      }
    }
  }
  await new Promise((r) => setTimeout(r, options.afterGc ? 2_000 : 500));
  // A snapshot takes longer: wait for every asked probe's report (a minute at most).
  for (let waited = 0; options.snapshot && waited < 60_000 && !everyProbeAnswered(asked); waited += 1_000) await new Promise((r) => setTimeout(r, 1_000));
  rmSync(gcFlag, { force: true });
  rmSync(snapshotFlag, { force: true });
  const reports: MemoryReport[] = [];
  for (const tree of asked.values()) {
    const found = tree
      .map((pid) => path.join(MEMORY_DIR, `${pid}.json`))
      .filter((file) => existsSync(file))
      .map((file) => ({ pid: Number(path.basename(file, ".json")), ...JSON.parse(readFileSync(file, "utf8")) }) as MemoryReport);
    const server = found.sort((a, b) => b.rss - a.rss)[0];
    if (server) reports.push(server);
  }
  return reports;
}

function everyProbeAnswered(asked: Map<number, number[]>): boolean {
  return [...asked.values()].flat().every((pid) => !existsSync(path.join(MEMORY_DIR, `${pid}.probe`)) || existsSync(path.join(MEMORY_DIR, `${pid}.json`)));
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} Mo`;

export const MEMORY_HEADER = "| moment | RSS | tas V8 (réservé / utilisé) | jeune génération | vieille génération | external (dont ArrayBuffer) | hors V8 (RSS − tas − external) | états retenus (estimés) |\n|---|---|---|---|---|---|---|---|";

export function memoryLine(moment: string, reports: MemoryReport[]): string {
  const sum = (pick: (r: MemoryReport) => number) => reports.reduce((total, r) => total + pick(r), 0);
  const space = (name: string) => sum((r) => r.spaces[name] ?? 0);
  const outside = sum((r) => r.rss - r.heapTotal - r.external);
  return `| ${moment} | ${mb(sum((r) => r.rss))} | ${mb(sum((r) => r.heapTotal))} / ${mb(sum((r) => r.heapUsed))} | ${mb(space("new_space"))} | ${mb(space("old_space"))} | ${mb(sum((r) => r.external))} (${mb(sum((r) => r.arrayBuffers))}) | ${mb(outside)} | ${statesText(reports)} |`;
}

/**
 * « 1200 (11.3 Mo) », or « — » when no process reported them. A process holds two copies of the module (two caches,
 * each bounded by ANSWER_STATES_MB) when scripts/server.ts's answer path (lib loaded outside Next.js, ADR 0018) and
 * Next.js's own bundle both remembered states: then each copy's share follows.
 */
export function statesText(reports: MemoryReport[]): string {
  if (!reports.some((r) => r.answerStates)) return "—";
  const { count, megabytes } = statesOf(reports);
  const split = statesByCopy(reports);
  return `${count} (${megabytes.toFixed(1)} Mo)${split ? ` : ${split}` : ""}`;
}

/** « 1150 (10.9 Mo) + 50 (0.4 Mo) » when a process holds more than one copy of the module, else « ». */
export function statesByCopy(reports: MemoryReport[]): string {
  const copies = reports.flatMap((r) => r.answerStates?.perInstance ?? []);
  if (statesOf(reports).instances <= reports.length) return "";
  return copies.length ? copies.map((c) => `${c.count} (${(c.bytes / 2 ** 20).toFixed(1)} Mo)`).join(" + ") : `${statesOf(reports).instances} copies du module`;
}
