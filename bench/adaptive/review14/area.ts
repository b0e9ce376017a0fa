// Review14: precision engine (shipped parameters, target 8) on pupils whose level depends on the AREA (first digit of the tube id),
// a structure neither bench learner model has (both draw tube levels i.i.d. around one ability).
import { benchParcours } from "../tasks";
import { playAssessment } from "../simulate";
import { createPrecisionStrategy } from "../../../lib/domain/assessment/precision-strategy";
import { resultAtCompletion } from "../../../lib/domain/assessment/result-at-completion";
import { masteryEstimate } from "../../../lib/domain/assessment/mastery-estimate";
import { ENGINE_PARAMETERS } from "../../../lib/domain/assessment/engine-parameters";
import { seededRandom, gaussian, mixSeed } from "../random";
import { referenceLevel } from "../../../lib/domain/assessment/reference-level";
const parcoursId = process.argv[2] ?? "tp-rentree-4e";
const p = benchParcours().find((x) => x.id === parcoursId)!;
const area = (tubeId: string) => /^tube-(\d)/.exec(tubeId)![1];
function run(levelOf: (tubeId: string) => number, slip: number, guess: number, seed: string, random: () => number) {
  const truth = p.targetSkills.filter((s) => s.level <= levelOf(s.tubeId)).length / p.targetSkills.length;
  const strategy = createPrecisionStrategy({ target: 8, parameters: ENGINE_PARAMETERS });
  const trace = playAssessment({ parcours: p, strategy, seed, answer: (skill) => (skill.level <= levelOf(skill.tubeId) ? random() >= slip : random() < guess) });
  const { posterior, modelElements } = resultAtCompletion({ targetSkills: p.targetSkills, knowledgeElements: trace.knowledgeElements, answers: trace.answers, parameters: ENGINE_PARAMETERS });
  const est = masteryEstimate({ targetSkills: p.targetSkills, knowledgeElements: [...trace.knowledgeElements, ...modelElements] }).masteryRate;
  return { q: trace.questions, truth, est, pm: 200 * posterior.masteryStandardError };
}
if (parcoursId === "tp-rentree-4e" && !process.env.SD) {
  console.log("Demo class 4B profiles, deterministic (no slip, no guess, no timeout):");
  const demo = [["Turing", 0, ["3", "5"]], ["Hamilton", 1, ["3", "5"]], ["Lamarr", 0, ["4"]], ["Shannon", 1, ["4"]], ["Johnson", 0, ["1", "2"]], ["Perlman", 1, ["1", "2"]], ["Babbage", 2, []], ["Santa", 1, []]] as const;
  for (const [name, level, strong] of demo) {
    const r = run((t) => ((strong as readonly string[]).includes(area(t)) ? 3 : level), 0, 0, `demo-${name}`, Math.random);
    console.log(`  ${name.padEnd(9)} questions ${r.q}  truth ${(100 * r.truth).toFixed(1)}  shown ${(100 * r.est).toFixed(0)} ± ${r.pm.toFixed(1)}  covered ${Math.abs(r.est - r.truth) * 100 <= r.pm ? "yes" : "NO"}`);
  }
}
// A population: ability N(ref, 1.5²), an offset per area N(0, sdArea²), tube noise N(0, 0.5²); slip 0.10, guess 0.15.
for (const sdArea of (process.env.SD ?? "0,1,1.5").split(",").map(Number)) {
  let n = 0, cov = 0, abs = 0, bias = 0, q = 0, reached = 0;
  const N = Number(process.argv[3] ?? 400);
  for (let i = 0; i < N; i++) {
    const random = seededRandom(mixSeed(77, i, Math.round(sdArea * 10)));
    const ability = referenceLevel(p.targetSkills) + 1.5 * gaussian(random);
    const offsets = new Map<string, number>();
    const levels = new Map<string, number>();
    for (const t of p.tubeIds) {
      const a = area(t);
      if (!offsets.has(a)) offsets.set(a, sdArea * gaussian(random));
      levels.set(t, Math.min(8, Math.max(0, Math.round(ability + offsets.get(a)! + 0.5 * gaussian(random)))));
    }
    const r = run((t) => levels.get(t)!, 0.1, 0.15, `pop-${sdArea}-${i}`, random);
    n++; q += r.q; abs += Math.abs(r.est - r.truth); bias += r.est - r.truth; if (Math.abs(r.est - r.truth) * 100 <= r.pm + 1e-9) cov++; if (r.pm <= 8) reached++;
  }
  console.log(`area sd ${sdArea}: ${n} pupils, questions ${(q / n).toFixed(1)}, EAM ${(100 * abs / n).toFixed(1)} pts, bias ${(100 * bias / n).toFixed(1)}, ± covers ${(100 * cov / n).toFixed(1)} %, ± ≤ 8 reached ${(100 * reached / n).toFixed(1)} %`);
}
