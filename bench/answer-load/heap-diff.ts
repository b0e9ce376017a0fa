/**
 * What grew in the heap between two snapshots (soak.ts --heap-snapshots: at rest before and after the load, each
 * after a full collection, so both hold only what is referenced): objects grouped by type and constructor (or, for
 * strings and code, by kind), with their count and shallow size, sorted by growth. A leak shows as a group whose
 * count grows with the number of answers served.
 *   npx tsx bench/answer-load/heap-diff.ts BEFORE.heapsnapshot AFTER.heapsnapshot [--top 30]
 * The snapshot files are read without JSON.parse of the whole file (hundreds of MB: over V8's string limit).
 */
import { readFileSync } from "node:fs";
import { numberArgument } from "./run-setup";

type Group = { count: number; size: number };

/** The value of a JSON array of numbers starting right after `key` ("nodes":[ … ]). */
function numbersAfter(text: Buffer, key: string): { values: Float64Array; end: number } {
  const start = text.indexOf(key) + key.length;
  const values: number[] = [];
  let current = -1;
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c >= 48 && c <= 57) current = (current < 0 ? 0 : current * 10) + (c - 48);
    else {
      if (current >= 0) values.push(current);
      current = -1;
      if (c === 93) break; // ]
    }
  }
  return { values: Float64Array.from(values), end: i };
}

export function heapGroups(file: string): Map<string, Group> {
  const text = readFileSync(file);
  const headerEnd = text.indexOf('"nodes":');
  const header = JSON.parse(`${text.subarray(0, headerEnd).toString("utf8").replace(/,\s*$/, "")}}`) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  };
  const fields = header.snapshot.meta.node_fields;
  const types = header.snapshot.meta.node_types[0];
  const { values: nodes } = numbersAfter(text, '"nodes":[');
  const stringsStart = text.indexOf('"strings":[') + '"strings":'.length;
  const stringsEnd = text.lastIndexOf("]");
  const strings = JSON.parse(text.subarray(stringsStart, stringsEnd + 1).toString("utf8")) as string[];
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
  const groups = new Map<string, Group>();
  for (let n = 0; n < nodes.length; n += fields.length) {
    const type = types[nodes[n + typeAt]];
    // Strings and code are grouped by kind: their names are their contents.
    const name = type === "object" || type === "closure" || type === "native" || type === "hidden" ? `${type} ${strings[nodes[n + nameAt]]}` : type;
    const group = groups.get(name) ?? { count: 0, size: 0 };
    group.count++;
    group.size += nodes[n + sizeAt];
    groups.set(name, group);
  }
  return groups;
}

if (process.argv[1]?.endsWith("heap-diff.ts")) {
  const [before, after] = process.argv.slice(2).filter((a) => !a.startsWith("--") && !/^\d+$/.test(a));
  const top = numberArgument("top", 30);
  const a = heapGroups(before);
  const b = heapGroups(after);
  const total = (m: Map<string, Group>) => [...m.values()].reduce((s, g) => s + g.size, 0);
  const kb = (bytes: number) => `${bytes >= 0 ? "+" : "−"}${Math.round(Math.abs(bytes) / 1024)} Ko`;
  console.log(`Tas avant ${Math.round(total(a) / 2 ** 20)} Mo, après ${Math.round(total(b) / 2 ** 20)} Mo (tailles propres des objets)`);
  console.log("| groupe | nombre avant | nombre après | taille avant | taille après | écart |\n|---|---|---|---|---|---|");
  const names = new Set([...a.keys(), ...b.keys()]);
  const rows = [...names].map((name) => ({ name, a: a.get(name) ?? { count: 0, size: 0 }, b: b.get(name) ?? { count: 0, size: 0 } }));
  rows.sort((x, y) => Math.abs(y.b.size - y.a.size) - Math.abs(x.b.size - x.a.size));
  for (const r of rows.slice(0, top)) {
    console.log(`| ${r.name.slice(0, 80).replace(/\|/g, "\\|").replace(/\n/g, " ")} | ${r.a.count} | ${r.b.count} | ${kb(r.a.size).slice(1)} | ${kb(r.b.size).slice(1)} | ${kb(r.b.size - r.a.size)} |`);
  }
}
