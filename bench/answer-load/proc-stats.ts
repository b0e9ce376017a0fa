/**
 * CPU and memory of process trees, read from /proc (Linux). CPU counts a process's own time and the time of
 * its children that ended and were waited for (cutime/cstime): PostgreSQL backends that exit are counted in
 * the postmaster, so deltas over a window cover every process of the tree.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

type Stat = { pid: number; ppid: number; ticks: number };

function readStat(pid: number): Stat | null {
  try {
    // "pid (comm) state ppid …": comm may hold spaces, read after the last ")".
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // fields[0] = state (3rd field); utime, stime, cutime, cstime are fields 14–17.
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return { pid, ppid: Number(fields[1]), ticks };
  } catch {
    return null; // ended meanwhile
  }
}

function allStats(): Stat[] {
  const stats: Stat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

/** Direct children of a process, from /proc/<pid>/task/<tid>/children (one file per thread), or null if absent. */
function childrenOf(pid: number): number[] | null {
  try {
    const children: number[] = [];
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) children.push(...text.split(" ").map(Number));
    }
    return children;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" && readStat(pid) !== null ? null : [];
  }
}

/** The pids of each root and of all its descendants (the sampler reads this every second: no scan of all of /proc when the kernel lists children). */
export function processTree(roots: number[]): number[] {
  const tree = roots.filter((pid) => readStat(pid) !== null);
  let scanned: Map<number, number[]> | null = null;
  for (let i = 0; i < tree.length; i++) {
    let children = childrenOf(tree[i]);
    if (children === null) {
      if (!scanned) {
        scanned = new Map();
        for (const s of allStats()) scanned.set(s.ppid, [...(scanned.get(s.ppid) ?? []), s.pid]);
      }
      children = scanned.get(tree[i]) ?? [];
    }
    tree.push(...children);
  }
  return tree;
}

/** CPU milliseconds used so far by the trees under `roots` (live processes and their waited-for children). */
export function cpuMilliseconds(roots: number[]): number {
  let ticks = 0;
  for (const pid of processTree(roots)) ticks += readStat(pid)?.ticks ?? 0;
  return (ticks * 1000) / CLOCK_TICKS;
}

/** Resident memory of the trees under `roots`, in bytes. */
export function residentBytes(roots: number[]): number {
  let total = 0;
  for (const pid of processTree(roots)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // ended
    }
  }
  return total;
}

/** The deepest descendant of `root` (under `sh -c` and wrappers; may be a helper such as esbuild's service, see below). */
export function leafProcess(root: number): number {
  const tree = processTree([root]);
  return tree[tree.length - 1] ?? root;
}

/**
 * The socket inodes listening on TCP `port`, from the text of /proc/net/tcp or /proc/net/tcp6 (a header line, then
 * « sl local_address rem_address st … uid timeout inode »: the address and port in hex, state 0A = LISTEN).
 */
export function listeningInodes(procNetTcp: string, port: number): number[] {
  const inodes: number[] = [];
  for (const line of procNetTcp.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const local = fields[1];
    const localPort = parseInt(local.slice(local.lastIndexOf(":") + 1), 16);
    if (fields[3] === "0A" && localPort === port) inodes.push(Number(fields[9]));
  }
  return inodes;
}

/**
 * The process of the tree under `root` that listens on TCP `port` (holds the listening socket): the app's server
 * itself. The deepest descendant is not always it: under `tsx`, the server has a child of its own, esbuild's service
 * (`esbuild --service`), so a kill -9 of the leaf killed esbuild and left the server serving (the fault bench's r9: 0
 * restarts). null when no process of the tree holds it.
 */
export function listeningProcess(root: number, port: number): number | null {
  const inodes = new Set<number>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    try {
      for (const inode of listeningInodes(readFileSync(file, "utf8"), port)) inodes.add(inode);
    } catch {
      // no IPv6
    }
  }
  if (inodes.size === 0) return null;
  for (const pid of processTree([root])) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // ended
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match && inodes.has(Number(match[1]))) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/**
 * Proportional memory (PSS) of the trees under `roots`: shared pages divided among the processes that map them.
 * For PostgreSQL, where every backend maps the shared buffers, a sum of RSS would count them many times.
 */
export function proportionalBytes(roots: number[]): number {
  let total = 0;
  for (const pid of processTree(roots)) {
    try {
      const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // ended
    }
  }
  return total;
}
