/**
 * Where a process's resident memory lies, by mapping (/proc/<pid>/smaps, Linux): process.memoryUsage() tells the V8
 * heap and `external` apart, but not the rest of RSS. glibc's malloc keeps the main thread's allocations in the
 * `[heap]` (brk) segment and each other arena in 64 MB-aligned 64 MB reservations (HEAP_MAX_SIZE on 64-bit), mapped
 * read-write as far as they have grown, the rest PROT_NONE; V8's pages, malloc's large chunks (mmapped) and thread
 * stacks are other anonymous mappings (WebAssembly memories, reserved several GB at once, told apart); code and libraries are file-backed. A growth of one of these is a different
 * cause: fragmentation of an arena, a V8 reservation, a leak in native code.
 */
import { readFileSync } from "node:fs";

export type NativeBreakdown = {
  /** Resident bytes of the brk segment (glibc's main arena). */
  brkHeap: number;
  /** Resident bytes of glibc's other arenas, and how many 64 MB reservations they use. */
  arenas: number;
  arenaCount: number;
  /** Resident bytes of WebAssembly memories (V8 reserves each in one anonymous mapping of several GB, guard included): Prisma's query compiler. */
  wasm: number;
  /** Resident bytes of every other anonymous mapping (V8's heap and code, mmapped malloc chunks, stacks). */
  otherAnonymous: number;
  /** Resident bytes of file-backed mappings (the node binary, shared libraries, native addons). */
  files: number;
  /** Sum of the above and the rest (stack, vdso…): the process's RSS as smaps counts it. */
  rss: number;
};

const ARENA_BYTES = 64 * 2 ** 20;
/** No other reservation of a node process comes near: V8's code range is 128 MB, an arena 64 MB. */
const WASM_RESERVATION_BYTES = 2 ** 32;

type Mapping = { start: number; end: number; perms: string; path: string; rss: number };

/** The mappings of an smaps text: header lines, each followed by its `Rss:` line. */
export function parseSmaps(text: string): Mapping[] {
  const mappings: Mapping[] = [];
  for (const line of text.split("\n")) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (header) {
      mappings.push({ start: Number.parseInt(header[1], 16), end: Number.parseInt(header[2], 16), perms: header[3], path: header[4].trim(), rss: 0 });
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && mappings.length) mappings[mappings.length - 1].rss = Number(rss[1]) * 1024;
  }
  return mappings;
}

/**
 * A glibc arena's heap: an anonymous read-write mapping that starts on a 64 MB boundary and, with the PROT_NONE
 * mapping right after it (absent when the heap is full), spans exactly 64 MB.
 */
function isArenaHeap(mappings: Mapping[], i: number): boolean {
  const m = mappings[i];
  if (m.path !== "" || !m.perms.startsWith("rw") || m.start % ARENA_BYTES !== 0) return false;
  if (m.end - m.start === ARENA_BYTES) return true;
  const next = mappings[i + 1];
  return next !== undefined && next.path === "" && next.perms.startsWith("---") && next.start === m.end && next.end - m.start === ARENA_BYTES;
}

export function nativeBreakdown(text: string): NativeBreakdown {
  const mappings = parseSmaps(text);
  const result: NativeBreakdown = { brkHeap: 0, arenas: 0, arenaCount: 0, wasm: 0, otherAnonymous: 0, files: 0, rss: 0 };
  mappings.forEach((m, i) => {
    result.rss += m.rss;
    if (m.path === "[heap]") result.brkHeap += m.rss;
    else if (isArenaHeap(mappings, i)) {
      result.arenas += m.rss;
      result.arenaCount++;
    } else if (m.path === "" && m.end - m.start >= WASM_RESERVATION_BYTES) result.wasm += m.rss;
    else if (m.path === "" || m.path.startsWith("[anon")) result.otherAnonymous += m.rss;
    else if (m.path.startsWith("/")) result.files += m.rss;
  });
  return result;
}

/** The breakdown of a live process, with its thread count; null when it ended. */
export function readNativeMemory(pid: number): (NativeBreakdown & { threads: number }) | null {
  try {
    const breakdown = nativeBreakdown(readFileSync(`/proc/${pid}/smaps`, "utf8"));
    const threads = Number(/^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    return { ...breakdown, threads };
  } catch {
    return null;
  }
}
