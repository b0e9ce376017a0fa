import { describe, expect, it } from "vitest";
import { nativeBreakdown } from "../../../bench/answer-load/native-memory";

/** One smaps entry: the header line and the Rss line the parser reads (other fields as the kernel prints them). */
const entry = (start: bigint, end: bigint, perms: string, path: string, rssKb: number) =>
  `${start.toString(16)}-${end.toString(16)} ${perms} 00000000 00:00 ${path ? 123 : 0}${path ? `     ${path}` : ""}\nSize: ${(end - start) / 1024n} kB\nRss: ${rssKb} kB\nPss: ${rssKb} kB\n`;

const MB = 2n ** 20n;
const ARENA = 0x7f0000000000n; // on a 64 MB boundary

describe("the native memory of the soak (where RSS lies, from /proc/<pid>/smaps)", () => {
  it("tells glibc's main arena, its other arenas, WebAssembly, other anonymous mappings and files apart", () => {
    const smaps = [
      entry(0x400000n, 0x500000n, "r-xp", "/usr/bin/node", 800),
      entry(0x2000000n, 0x3000000n, "rw-p", "[heap]", 12_000),
      // an arena grown to 10 MB, the rest of its 64 MB reserved PROT_NONE
      entry(ARENA, ARENA + 10n * MB, "rw-p", "", 9_000),
      entry(ARENA + 10n * MB, ARENA + 64n * MB, "---p", "", 0),
      // a full arena: 64 MB read-write, no PROT_NONE part
      entry(ARENA + 64n * MB, ARENA + 128n * MB, "rw-p", "", 50_000),
      // a WebAssembly memory: one reservation of 10 GB
      entry(0x7e0000000000n, 0x7e0000000000n + 10240n * MB, "rw-p", "", 3_000),
      // 64 MB-aligned but followed by nothing that completes 64 MB: V8's or malloc's, not an arena
      entry(ARENA + 192n * MB, ARENA + 200n * MB, "rw-p", "", 7_000),
      entry(0x7f1000001000n, 0x7f1000002000n, "rw-p", "", 4),
      entry(0x7ffd00000000n, 0x7ffd00021000n, "rw-p", "[stack]", 100),
    ].join("");
    const b = nativeBreakdown(smaps);
    expect(b.files).toBe(800 * 1024);
    expect(b.brkHeap).toBe(12_000 * 1024);
    expect(b.arenas).toBe((9_000 + 50_000) * 1024);
    expect(b.arenaCount).toBe(2);
    expect(b.wasm).toBe(3_000 * 1024);
    expect(b.otherAnonymous).toBe((7_000 + 4) * 1024);
    expect(b.rss).toBe((800 + 12_000 + 9_000 + 50_000 + 3_000 + 7_000 + 4 + 100) * 1024);
  });

  it("does not count a misaligned read-write mapping followed by PROT_NONE as an arena (a thread stack and its guard)", () => {
    const start = ARENA + 4096n;
    // 64 MB in all, like an arena, but not on a 64 MB boundary
    const b = nativeBreakdown(entry(start, start + 8n * MB, "rw-p", "", 40) + entry(start + 8n * MB, start + 64n * MB, "---p", "", 0));
    expect(b.arenaCount).toBe(0);
    expect(b.otherAnonymous).toBe(40 * 1024);
  });
});
