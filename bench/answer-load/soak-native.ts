/**
 * The soak's second table: where the serving processes' resident memory lies, window by window (native-memory.ts,
 * read from /proc/<pid>/smaps right after the probe's report), so that a growth of « hors V8 » (RSS − V8 heap −
 * external) can be pinned on glibc's main arena ([heap]), its other arenas, other anonymous mappings (V8's pages and
 * reservations, large malloc chunks, stacks) or file-backed pages, next to V8's reserved heap (heapTotal); then each
 * part's slope, whole run and second half.
 */
import type { MemoryReport } from "./memory";
import { readNativeMemory } from "./native-memory";
import { trendOf, trendText } from "./trend";

const MEGABYTE = 2 ** 20;

const PARTS = [
  ["rss", "RSS serveur"],
  ["heapTotal", "tas V8 réservé"],
  ["oldSpace", "dont vieille génération réservée"],
  ["oldSpaceUsed", "vieille génération utilisée"],
  ["largeObjects", "dont grands objets"],
  ["codeSpace", "dont code"],
  ["outsideV8", "hors V8"],
  ["brkHeap", "[heap] (arène principale)"],
  ["arenas", "autres arènes malloc"],
  ["wasm", "WebAssembly"],
  ["otherAnonymous", "autres anonymes (tas V8 compris)"],
  ["files", "fichiers (code)"],
] as const;
type Part = (typeof PARTS)[number][0];

export type NativeSample = { minute: number; values: Record<Part, number>; arenaCount: number; threads: number; majorCollections: number | null; line: string };

// « collectes majeures » : the old generation's full collections since the process started (the probe's gc observer),
// without the probe's own forced ones: between two rows where it does not move, the old generation only grows.
export const NATIVE_HEADER = `| minute | ${PARTS.map(([, label]) => label).join(" | ")} | arènes | threads | collectes majeures |\n|${"---|".repeat(PARTS.length + 4)}`;

/** The serving processes' breakdown now (summed over processes), in MB, with its table row. */
export function nativeRow(minute: number, reports: MemoryReport[]): NativeSample {
  const values: Record<Part, number> = { rss: 0, heapTotal: 0, oldSpace: 0, oldSpaceUsed: 0, largeObjects: 0, codeSpace: 0, outsideV8: 0, brkHeap: 0, arenas: 0, wasm: 0, otherAnonymous: 0, files: 0 };
  let arenaCount = 0;
  let threads = 0;
  let majorCollections: number | null = null;
  for (const report of reports) {
    const native = readNativeMemory(report.pid);
    if (!native) continue;
    values.rss += native.rss / MEGABYTE;
    values.heapTotal += report.heapTotal / MEGABYTE;
    values.oldSpace += (report.spaces.old_space ?? 0) / MEGABYTE;
    values.oldSpaceUsed += (report.spacesUsed?.old_space ?? 0) / MEGABYTE;
    values.largeObjects += (report.spaces.large_object_space ?? 0) / MEGABYTE;
    values.codeSpace += (report.spaces.code_space ?? 0) / MEGABYTE;
    if (report.gcCounts) majorCollections = (majorCollections ?? 0) + report.gcCounts.major - report.gcCounts.forced;
    values.outsideV8 += (native.rss - report.heapTotal - report.external) / MEGABYTE;
    values.brkHeap += native.brkHeap / MEGABYTE;
    values.arenas += native.arenas / MEGABYTE;
    values.wasm += native.wasm / MEGABYTE;
    values.otherAnonymous += native.otherAnonymous / MEGABYTE;
    values.files += native.files / MEGABYTE;
    arenaCount += native.arenaCount;
    threads += native.threads;
  }
  const line = `| ${minute} | ${PARTS.map(([part]) => `${Math.round(values[part])} Mo`).join(" | ")} | ${arenaCount} | ${threads} | ${majorCollections ?? "—"} |`;
  return { minute, values, arenaCount, threads, majorCollections, line };
}

/** One line per part: its slope per minute over the whole run and over the second half, with their intervals. */
export function nativeTrends(samples: NativeSample[], step: number): string[] {
  const present = samples.filter((s) => s !== undefined);
  const half = Math.floor(present.length / 2);
  return PARTS.map(([part, label]) => {
    const series = present.map((s) => s.values[part]);
    return `Pente, ${label} : toute la durée ${trendText(trendOf(series, step), "Mo/min")} ; seconde moitié ${trendText(trendOf(series.slice(half), step), "Mo/min")}`;
  });
}
