/**
 * How the ± is rounded for display, and what the pupil then reads: coverage of the true rate by « p % ± q »
 * under several rounding rules, on the same simulated pupils (the rows of run.ts): 2σ unrounded around the
 * unrounded rate; the whole point (the rule before 07/12); the half point (lib/domain/scoring/precision.ts);
 * the interval's ends rounded to whole points, or rounded outwards, shown as the larger distance to the %.
 *   npx tsx bench/adaptive/shown-coverage.ts --parcours tp-rentree-3e --models normale --seeds 5 --first-seed 1 --pupils 200
 */
import { parseArgs } from "node:util";
import { masteryPercentFromRate } from "../../lib/domain/scoring/mastery";
import { precisionPoints } from "../../lib/domain/scoring/precision";
import { interval } from "./statistics";
import { runTask } from "./tasks";
import type { LearnerModelName } from "./learner-models";

const { values } = parseArgs({
  options: {
    parcours: { type: "string" },
    models: { type: "string", default: "uniforme,normale" },
    seeds: { type: "string", default: "5" },
    "first-seed": { type: "string", default: "1" },
    pupils: { type: "string", default: "200" },
    rows: { type: "string", default: "smart-random + postérieur,précision ±6,précision ±8,précision ±10,précision ±12,précision ±16,précision ±20" },
  },
});

/** Each rule: from the estimate (rate 0..1) and 2σ in points, the centre and half-width the pupil reads. */
const RULES: Record<string, (rate: number, twoSigma: number) => { centre: number; halfWidth: number }> = {
  "2σ exact": (rate, twoSigma) => ({ centre: 100 * rate, halfWidth: twoSigma }),
  "point entier (avant)": (rate, twoSigma) => ({ centre: masteryPercentFromRate(rate), halfWidth: Math.max(1, Math.round(twoSigma)) }),
  "demi-point (affiché)": (rate, twoSigma) => ({ centre: masteryPercentFromRate(rate), halfWidth: precisionPoints(twoSigma / 200)! }),
  "bornes arrondies": (rate, twoSigma) => {
    const p = masteryPercentFromRate(rate);
    return { centre: p, halfWidth: Math.max(1, p - Math.round(100 * rate - twoSigma), Math.round(100 * rate + twoSigma) - p) };
  },
  "bornes englobantes": (rate, twoSigma) => {
    const p = masteryPercentFromRate(rate);
    return { centre: p, halfWidth: Math.max(1, p - Math.floor(100 * rate - twoSigma + 1e-9), Math.ceil(100 * rate + twoSigma - 1e-9) - p) };
  },
};

const rows = values.rows.split(",");
if (!values.parcours) throw new Error("--parcours manquant (ex. : --parcours tp-rentree-3e,tp-rentree-5e)");
const parcoursIds = values.parcours.split(",");
const firstSeed = Number(values["first-seed"]);
for (const parcoursId of parcoursIds) {
  for (const model of values.models.split(",") as LearnerModelName[]) {
    const perRule = new Map<string, number[][]>(rows.map((row) => [row, []]));
    for (let seed = firstSeed; seed < firstSeed + Number(values.seeds); seed++) {
      const { rows: series } = runTask({ kind: "synthetic", parcoursId, model, seed, pupils: Number(values.pupils), engines: ["smart-random", "précision"], timedPupils: 0 });
      for (const row of rows) {
        const s = series[row];
        const coverages = Object.values(RULES).map((rule) => {
          let covered = 0;
          s.estimates.forEach((estimate, i) => {
            const truth = estimate - s.errors[i];
            const { centre, halfWidth } = rule(estimate, 200 * (s.standardErrors[i] ?? 0));
            if (Math.abs(centre - 100 * truth) <= halfWidth + 1e-9) covered++;
          });
          return covered / s.estimates.length;
        });
        perRule.get(row)!.push(coverages);
      }
    }
    console.log(`\n${parcoursId} « ${model} »`);
    console.log(["ligne".padEnd(26), ...Object.keys(RULES).map((r) => r.padStart(20))].join(""));
    for (const row of rows) {
      const bySeed = perRule.get(row)!;
      const cells = Object.keys(RULES).map((_, r) => {
        const { mean, halfWidth } = interval(bySeed.map((c) => c[r]));
        return `${(100 * mean).toFixed(1)} ± ${(100 * halfWidth).toFixed(1)}`.padStart(20);
      });
      console.log([row.padEnd(26), ...cells].join(""));
    }
  }
}
