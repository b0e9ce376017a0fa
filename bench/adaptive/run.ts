/**
 * Bench of the adaptive engine's strategies on synthetic pupils (not part of `npm test`).
 *   npx tsx bench/adaptive/run.ts [--pupils 300] [--slip 0.1] [--guess 0.2] [--spread 1] [--seed 2024]
 * For each parcours × strategy: questions asked (mean, p90), mean absolute error between the final
 * mastery rate (validated / target skills) and the pupil's true one, its bias, and the share of runs
 * that ended. Same flags ⇒ same table.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import type { SelectionStrategy } from "../../lib/domain/assessment/selection-strategy";
import { smartRandomStrategy } from "../../lib/domain/assessment/smart-random-strategy";
import { tubeBisectionStrategy } from "../../lib/domain/assessment/tube-bisection-strategy";
import { loadContent, loadParcours } from "./load-parcours";
import { formatComparison, formatTable, type Row } from "./report";
import { simulateAssessment } from "./simulate";
import { generatePupil, seededRandom, type PupilModel } from "./synthetic-pupils";

const { values } = parseArgs({
  options: {
    pupils: { type: "string", default: "300" },
    slip: { type: "string", default: "0.1" },
    guess: { type: "string", default: "0.2" },
    spread: { type: "string", default: "1" },
    seed: { type: "string", default: "2024" },
  },
});
const pupilCount = Number(values.pupils);
const model: PupilModel = { slip: Number(values.slip), guess: Number(values.guess), spread: Number(values.spread) };
const baseSeed = Number(values.seed);
const strategies: SelectionStrategy[] = [smartRandomStrategy, tubeBisectionStrategy];

const contentDir = path.join(process.cwd(), "prisma", "learning-content");
const content = loadContent(contentDir);
const { parcours, source } = loadParcours(contentDir, content);

console.log(`Parcours : ${parcours.length} (${source})` + (content.skippedFiles.length ? ` — fichiers ignorés : ${content.skippedFiles.join(", ")}` : ""));
console.log(`Élèves : ${pupilCount} par parcours, slip ${model.slip}, guess ${model.guess}, dispersion ${model.spread}, graine ${baseSeed}\n`);

const rows: Row[] = [];
parcours.forEach((p, parcoursIndex) => {
  // The same pupils take the parcours with every strategy, so the strategies are compared pairwise.
  const pupilRandom = seededRandom(baseSeed * 1_000 + parcoursIndex);
  const pupils = Array.from({ length: pupilCount }, () => generatePupil(p.tubeIds, model, pupilRandom));
  for (const strategy of strategies) {
    const outcomes = pupils.map((pupil, i) =>
      simulateAssessment({ parcours: p, pupil, model, strategy, seed: `${p.id}-${i}`, random: seededRandom(baseSeed + 7_919 * i + parcoursIndex) }),
    );
    rows.push({ parcours: p.name, skills: p.targetSkills.length, strategy: strategy.name, outcomes });
  }
});
console.log(formatTable(rows));
console.log(`\n${formatComparison(rows)}`);
