/**
 * CPU time of choosing one question (issue 14: ≤ 2 ms per question on post-bac content), measured so that
 * the machine's load does not enter it: `process.cpuUsage()` (user + system time of this process, which runs
 * one thread here) around each `selectNextChallenge` call, over many whole assessments of synthetic pupils.
 * Wall time is printed beside it: on a shared machine it includes the time other processes held the CPU.
 *   npx tsx bench/adaptive/selection-time.ts [--parcours id,id] [--pupils 300] [--warmup 50] [--engines précision,smart-random]
 * The first `warmup` pupils of each parcours are played untimed (JIT), as on a running server.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { createPrecisionStrategy } from "../../lib/domain/assessment/precision-strategy";
import { smartRandomStrategy } from "../../lib/domain/assessment/smart-random-strategy";
import type { SelectionStrategy } from "../../lib/domain/assessment/selection-strategy";
import { answersCorrectly, generatePupil, LEARNER_MODELS } from "./learner-models";
import { mixSeed, seededRandom } from "./random";
import { playAssessment } from "./simulate";
import { mean, percentile } from "./statistics";
import { benchParcours } from "./tasks";

const { values } = parseArgs({
  options: {
    parcours: { type: "string", default: "tp-rentree-5e,tp-rentree-3e,tp-rentree-post-bac,tp-competence-1-1" },
    pupils: { type: "string", default: "300" },
    warmup: { type: "string", default: "50" },
    engines: { type: "string", default: "précision,smart-random" },
  },
});
const strategies: Record<string, SelectionStrategy> = { précision: createPrecisionStrategy(), "smart-random": smartRandomStrategy };
const pupils = Number(values.pupils);
const warmup = Number(values.warmup);
const wanted = values.parcours.split(",");
const model = LEARNER_MODELS.normale;

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

console.log(`Temps CPU de choix d'une question — Node ${process.version}, ${os.cpus()[0]?.model ?? "?"}, charge moyenne au départ : ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`);
console.log(`${pupils} élèves « normale » par parcours et moteur (+ ${warmup} non mesurés), un fil d'exécution\n`);
const header = ["parcours", "moteur", "questions", "CPU ms moy.", "CPU p50", "CPU p95", "CPU p99", "mur ms moy.", "mur p95"];
const lines: string[][] = [];
for (const parcours of benchParcours().filter((p) => wanted.includes(p.id))) {
  for (const engine of values.engines.split(",")) {
    const strategy = strategies[engine];
    if (!strategy) throw new Error(`moteur inconnu : ${engine}`);
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < warmup + pupils; i++) {
      const pupil = generatePupil(parcours, model, seededRandom(mixSeed(7, i)));
      const random = seededRandom(mixSeed(7, i, 1));
      const trace = playAssessment({
        parcours,
        strategy,
        seed: `${parcours.id}-temps-${i}`,
        answer: (skill) => answersCorrectly(pupil, skill, model, random),
        clock: cpuMs,
      });
      if (i < warmup) continue;
      cpu.push(...trace.selectionMs);
      wall.push(...trace.selectionWallMs);
    }
    lines.push([parcours.name.slice(0, 30), engine, String(cpu.length), ...[mean(cpu), percentile(cpu, 0.5), percentile(cpu, 0.95), percentile(cpu, 0.99), mean(wall), percentile(wall, 0.95)].map((v) => v.toFixed(3))]);
  }
}
const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
const format = (cells: string[]) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
console.log(format(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const line of lines) console.log(format(line));
console.log(`\nCharge moyenne à la fin : ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`);
