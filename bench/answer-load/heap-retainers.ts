/**
 * Why objects of one constructor are still referenced in a heap snapshot (soak.ts --heap-snapshots, taken at rest after
 * a full collection): their count, and the shortest retaining path from the roots of each, grouped by the path's last
 * steps (the holder nearest the object) — e.g. which memory keeps requests (`IncomingMessage`) alive after the load.
 *   npx tsx bench/answer-load/heap-retainers.ts SNAPSHOT.heapsnapshot [IncomingMessage] [--steps 12]
 * The whole file is parsed at once: fine up to a few hundred MB (the process needs --max-old-space-size above that).
 */
import { readFileSync } from "node:fs";
import { numberArgument } from "./run-setup";

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
};

export function retainers(file: string, constructorName: string, steps: number): { count: number; paths: Map<string, number> } {
  const s = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const meta = s.snapshot.meta;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const [typeAt, nameAt, edgeCountAt] = ["type", "name", "edge_count"].map((f) => meta.node_fields.indexOf(f));
  const [edgeTypeAt, edgeNameAt, toAt] = ["type", "name_or_index", "to_node"].map((f) => meta.edge_fields.indexOf(f));
  const count = s.nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += s.nodes[i * nf + edgeCountAt] * ef;
    firstEdge[i + 1] = e;
  }
  const type = (i: number) => meta.node_types[0][s.nodes[i * nf + typeAt]];
  const name = (i: number) => s.strings[s.nodes[i * nf + nameAt]];
  const edgeType = (e: number) => meta.edge_types[0][s.edges[e + edgeTypeAt]];
  // Breadth first from the root (node 0), weak edges skipped: each node's parent on a shortest strong path.
  const parent = new Int32Array(count).fill(-1);
  const viaEdge = new Int32Array(count).fill(-1);
  const seen = new Uint8Array(count);
  seen[0] = 1;
  for (let queue = [0]; queue.length; ) {
    const next: number[] = [];
    for (const i of queue) {
      for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += ef) {
        const to = s.edges[e + toAt] / nf;
        if (edgeType(e) === "weak" || seen[to]) continue;
        seen[to] = 1;
        parent[to] = i;
        viaEdge[to] = e;
        next.push(to);
      }
    }
    queue = next;
  }
  const edgeLabel = (e: number) => {
    const t = edgeType(e);
    return t === "element" || t === "hidden" ? "[n]" : `${t}:${s.strings[s.edges[e + edgeNameAt]]}`.replace(/^internal:\d+$/, "internal:n");
  };
  const paths = new Map<string, number>();
  let found = 0;
  for (let i = 0; i < count; i++) {
    if (type(i) !== "object" || name(i) !== constructorName || !seen[i]) continue;
    found++;
    const path: string[] = [];
    for (let n = i; n > 0 && path.length < steps; n = parent[n]) path.push(`${type(n)} ${name(n).slice(0, 50)} ←${edgeLabel(viaEdge[n])}—`);
    const key = path.join("\n  ");
    paths.set(key, (paths.get(key) ?? 0) + 1);
  }
  return { count: found, paths };
}

if (process.argv[1]?.endsWith("heap-retainers.ts")) {
  const [file, constructorName = "IncomingMessage"] = process.argv.slice(2).filter((a) => !a.startsWith("--") && !/^\d+$/.test(a));
  const { count, paths } = retainers(file, constructorName, numberArgument("steps", 12));
  console.log(`${count} objets ${constructorName} référencés ; chemins les plus courts depuis les racines, par leurs derniers pas :`);
  for (const [path, n] of [...paths].sort((a, b) => b[1] - a[1])) console.log(`\n${n} ×\n  ${path}`);
}
