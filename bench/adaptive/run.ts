/**
 * Bench of the adaptive engine on synthetic and test-wise pupils (not part of `npm test`).
 *   npx tsx bench/adaptive/run.ts                 quick mode: 4 parcours, 2 seeds × 200 pupils (a few minutes)
 *   npx tsx bench/adaptive/run.ts --mode full     every parcours, 5 seeds × 500 pupils, both populations
 * Options: --pupils N --seeds N --first-seed N (seeds N, N+1, …: tune on 1–5, report on fresh ones) --parcours id,id --models uniforme,normale --engines a,b --workers N
 *          --test-wise N (pupils of each test-wise kind per parcours and display; 0 skips them)
 *          --parameters file.json (model parameters to try instead of lib/domain/assessment/parameters.json)
 *          --min-gain G (the precision engine's least worthwhile gain, in points², instead of its default)
 *          --engines …,précision-calibrée adds the precision engine with the parameters that the product's
 *          calibration finds on a cohort of the same population (calibration-cohort.ts; other seeds than the
 *          evaluation's): --cohort N tests per cohort (1000), --cohort-engine précision|smart-random (précision),
 *          --cohort-pool (one calibration on the cohorts of every parcours of the run together, as the command does)
 * Prints, per population: per parcours and row, questions (mean, p90), mean absolute error of the mastery
 * rate, bias, share off by > 15 points, coverage of the ± (95 % intervals over seeds); the questions each
 * engine needs at smart-random's error; the test-wise pupils' estimated mastery; the time per question.
 * Same flags ⇒ same tables (timings aside).
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { referenceLevel } from "../../lib/domain/assessment/reference-level";
import type { CalibrationOutcome, CalibrationTask, CohortEngine } from "./calibration-cohort";
import { BENCH_ENGINES, CALIBRATED_ENGINE, DEFAULT_ENGINES, REFERENCE_ROW } from "./engines";
import { LEARNER_MODELS, type LearnerModelName } from "./learner-models";
import { formatCalibration, formatComparison, formatMainTable, formatTestWise, formatTiming, groupRows, type TestWiseGroup } from "./report";
import { benchParcours, runCalibrationTask, runTask, type Task, type TaskResult } from "./tasks";
import { TEST_WISE_KINDS, type OptionDisplay } from "./test-wise-pupils";

/** Rows shown for the test-wise pupils: the app before, the app after with each engine. */
const TEST_WISE_ROWS = ["smart-random", "smart-random + postérieur", "précision ±8", "tube-bisection"];
const QUICK_PARCOURS = ["tp-rentree-5e", "tp-rentree-3e", "tp-rentree-post-bac", "tp-competence-1-1"];
const { values } = parseArgs({
  options: {
    mode: { type: "string", default: "quick" },
    pupils: { type: "string" },
    seeds: { type: "string" },
    "first-seed": { type: "string", default: "1" },
    parcours: { type: "string" },
    models: { type: "string", default: "uniforme,normale" },
    engines: { type: "string", default: DEFAULT_ENGINES.join(",") },
    workers: { type: "string", default: String(Math.min(2, os.availableParallelism())) },
    "test-wise": { type: "string" },
    parameters: { type: "string" },
    "min-gain": { type: "string" },
    cohort: { type: "string", default: "1000" },
    "cohort-engine": { type: "string", default: "précision" },
    "cohort-pool": { type: "boolean", default: false },
  },
});
const isFull = values.mode === "full";
const pupils = Number(values.pupils ?? (isFull ? 500 : 200));
const seeds = Number(values.seeds ?? (isFull ? 5 : 2));
const firstSeed = Number(values["first-seed"]);
const testWisePupils = Number(values["test-wise"] ?? (isFull ? 100 : 30));
const models = values.models.split(",") as LearnerModelName[];
const engines = values.engines.split(",");
for (const engine of engines) if (!BENCH_ENGINES[engine]) throw new Error(`moteur inconnu : ${engine} (${Object.keys(BENCH_ENGINES).join(", ")})`);
for (const model of models) if (!LEARNER_MODELS[model]) throw new Error(`population inconnue : ${model}`);

const parameters = values.parameters ? JSON.parse(readFileSync(values.parameters, "utf8")) : undefined;
const allParcours = benchParcours();
const wanted = values.parcours?.split(",") ?? (isFull ? allParcours.map((p) => p.id) : QUICK_PARCOURS);
const parcours = allParcours.filter((p) => wanted.includes(p.id));
const parcoursInfo = new Map(parcours.map((p) => [p.id, { name: p.name, skills: p.targetSkills.length, tubes: p.tubeIds.length, referenceLevel: referenceLevel(p.targetSkills) }]));
const withCalibration = engines.includes(CALIBRATED_ENGINE);
const cohortEngine = values["cohort-engine"] as CohortEngine;
if (!["précision", "smart-random"].includes(cohortEngine)) throw new Error(`moteur de cohorte inconnu : ${cohortEngine}`);

const tasks: Task[] = [];
for (const p of parcours) {
  for (const model of models) {
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) tasks.push({ kind: "synthetic", parcoursId: p.id, model, seed, pupils, engines, timedPupils: Math.min(pupils, 40) });
  }
  if (testWisePupils > 0) {
    for (const testWise of TEST_WISE_KINDS) {
      // Test-wise pupils have no calibration cohort: the calibrated rows are for synthetic populations only.
      const testWiseEngines = engines.filter((e) => e !== CALIBRATED_ENGINE);
      for (const display of ["mélangé", "fichier"] as OptionDisplay[]) tasks.push({ kind: "test-wise", parcoursId: p.id, testWise, display, pupils: testWisePupils, engines: testWiseEngines });
    }
  }
}
// Longest tasks first, so that the workers finish together.
const cost = (task: Task) => (parcoursInfo.get(task.parcoursId)?.skills ?? 0) * task.pupils;
tasks.sort((a, b) => cost(b) - cost(a));
const minimumGain = values["min-gain"] === undefined ? undefined : Number(values["min-gain"]);
for (const task of tasks) Object.assign(task, { parameters, minimumGain });

async function runAll<T extends Task | CalibrationTask, R>(tasks: readonly T[], runOne: (task: T) => R, workerCount: number): Promise<R[]> {
  if (workerCount <= 1) return tasks.map(runOne);
  const results: R[] = [];
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    for (let w = 0; w < Math.min(workerCount, tasks.length); w++) {
      const worker = new Worker(new URL("./worker-bootstrap.mjs", import.meta.url));
      const feed = () => (next < tasks.length ? worker.postMessage(tasks[next++]) : void worker.terminate());
      worker.on("message", (result: R) => {
        results.push(result);
        done++;
        process.stderr.write(`\r${done} / ${tasks.length} tâches`);
        if (done === tasks.length) {
          process.stderr.write("\n");
          resolve(results);
        }
        feed();
      });
      worker.on("error", reject);
      feed();
    }
  });
}

const started = Date.now();
if (parameters) console.log(`Paramètres essayés : ${JSON.stringify(parameters)}`);
if (minimumGain !== undefined) console.log(`Gain minimal d'une question : ${minimumGain} pts²`);
console.log(`Mode ${isFull ? "complet" : "rapide"} : ${parcours.length} parcours, ${seeds} graine(s) (${firstSeed} à ${firstSeed + seeds - 1}) × ${pupils} élèves par parcours et population, moteurs ${engines.join(", ")}, ${testWisePupils} élèves « malins » par type et affichage`);
let calibrations: CalibrationOutcome[] = [];
if (withCalibration) {
  // First each seed's calibration cohort, then the evaluation pupils take the engine with what it found.
  // --cohort-pool: one calibration per population and seed on the cohorts of every parcours of the run put together, as
  // `npm run engine:calibrate` fits one set on every finished test of an instance; each parcours then uses that set.
  const pooled = values["cohort-pool"];
  const parcoursIds = parcours.map((p) => p.id);
  const cohortTasks: CalibrationTask[] = tasks.flatMap((t) =>
    t.kind !== "synthetic" || (pooled && t.parcoursId !== parcoursIds[0])
      ? []
      : [{
          kind: "calibration" as const,
          parcoursId: t.parcoursId,
          model: t.model,
          seed: t.seed,
          pupils: Number(values.cohort),
          cohortEngine,
          ...(pooled ? { pooledParcoursIds: parcoursIds, label: `commune (${parcoursIds.length} parcours)` } : {}),
        }],
  );
  console.log(
    `Calibration : ${cohortTasks.length} cohortes de ${values.cohort} tests${pooled ? ` par parcours, les ${parcoursIds.length} parcours ensemble (une calibration commune)` : ""} (moteur ${cohortEngine}, paramètres livrés), graines + 10 000`,
  );
  calibrations = await runAll(cohortTasks, runCalibrationTask, Number(values.workers));
  const byKey = new Map(calibrations.map((c) => [`${pooled ? "commune" : c.task.parcoursId}|${c.task.model}|${c.task.seed}`, c.parameters]));
  for (const task of tasks) if (task.kind === "synthetic") task.calibrated = byKey.get(`${pooled ? "commune" : task.parcoursId}|${task.model}|${task.seed}`);
}
const results = await runAll(tasks, runTask, Number(values.workers));
const groups = groupRows(results, parcoursInfo);
const order = (id: string) => parcours.findIndex((p) => p.id === id);
const rowNames = engines.flatMap((e) => BENCH_ENGINES[e].rows);
groups.sort((a, b) => order(a.parcoursId) - order(b.parcoursId) || rowNames.indexOf(a.row) - rowNames.indexOf(b.row));

const curves = Object.fromEntries(engines.filter((e) => BENCH_ENGINES[e].isCurve).map((e) => [e, BENCH_ENGINES[e].rows]));
const singles = rowNames.filter((row) => row !== REFERENCE_ROW && !Object.values(curves).some((rows) => rows.includes(row)));
for (const model of models) {
  const mine = groups.filter((g) => g.model === model);
  console.log(`\n━━━ Population « ${model} » ━━━\n`);
  console.log(formatMainTable(mine));
  console.log(`\nQuestions pour la même EAM que ${REFERENCE_ROW} (rapport, IC95 sur les graines) :\n`);
  console.log(formatComparison(mine, REFERENCE_ROW, curves, singles));
  if (withCalibration) {
    console.log(`\nParamètres calibrés sur les cohortes (moyenne sur les graines, IC95) ; « vrai » : la population simulée :\n`);
    const truth = LEARNER_MODELS[model];
    console.log(formatCalibration(calibrations.filter((c) => c.task.model === model), parcoursInfo, order, truth));
  }
}

if (testWisePupils > 0) {
  const testWise = new Map<string, TestWiseGroup>();
  for (const { task, rows } of results) {
    if (task.kind !== "test-wise") continue;
    for (const [row, series] of Object.entries(rows)) {
      if (!TEST_WISE_ROWS.includes(row)) continue;
      const key = `${task.parcoursId}|${row}|${task.display}`;
      const group = testWise.get(key) ?? { parcoursName: parcoursInfo.get(task.parcoursId)!.name, row, display: task.display, byKind: {} };
      group.byKind[task.testWise] = series.estimates;
      testWise.set(key, group);
    }
  }
  const list = [...testWise.entries()].sort(([a], [b]) => order(a.split("|")[0]) - order(b.split("|")[0]) || a.localeCompare(b)).map(([, g]) => g);
  console.log(`\n━━━ Élèves « malins » : maîtrise estimée (ils ne savent rien) ━━━\n`);
  console.log(formatTestWise(list, TEST_WISE_KINDS));
}

const timings = parcours.flatMap((p) =>
  engines.map((engine) => ({
    parcoursName: p.name,
    engine,
    values: results.filter((r) => r.task.parcoursId === p.id).flatMap((r) => r.selectionMs[engine] ?? []),
  })),
).filter((t) => t.values.length > 0);
console.log(`\n━━━ Temps de choix d'une question, temps mur (machine partagée : indicatif ; temps CPU : bench/adaptive/selection-time.ts) ━━━\n`);
console.log(formatTiming(timings));
console.log(`\nDurée : ${((Date.now() - started) / 1000).toFixed(0)} s`);
