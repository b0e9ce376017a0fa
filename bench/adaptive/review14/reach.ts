// Review14: share of precision tests (shipped parameters) that end with ± ≤ the campaign's target, under the bench's own learner models,
// and ± coverage for an area-structured population on more pupils.
import { benchParcours } from "../tasks";
import { playAssessment } from "../simulate";
import { createPrecisionStrategy } from "../../../lib/domain/assessment/precision-strategy";
import { resultAtCompletion } from "../../../lib/domain/assessment/result-at-completion";
import { masteryEstimate } from "../../../lib/domain/assessment/mastery-estimate";
import { ENGINE_PARAMETERS } from "../../../lib/domain/assessment/engine-parameters";
import { seededRandom, gaussian, mixSeed } from "../random";
import { LEARNER_MODELS, generatePupil, answersCorrectly, trueMasteryRate } from "../learner-models";
import { precisionPoints } from "../../../lib/domain/scoring/precision";
const [parcoursList, modelName, N, targetText] = [process.argv[2].split(","), process.argv[3], Number(process.argv[4]), process.argv[5] ?? "8"];
const target = Number(targetText);
for (const parcoursId of parcoursList) {
  const p = benchParcours().find((x) => x.id === parcoursId)!;
  let reached = 0, q = 0, cov = 0; const shown: number[] = [];
  for (let i = 0; i < N; i++) {
    const random = seededRandom(mixSeed(4242, i));
    const model = LEARNER_MODELS[modelName as "normale" | "uniforme"];
    const pupil = generatePupil(p, model, random);
    const truth = trueMasteryRate(p, pupil);
    const trace = playAssessment({ parcours: p, strategy: createPrecisionStrategy({ target, parameters: ENGINE_PARAMETERS }), seed: `reach-${i}`, answer: (skill) => answersCorrectly(pupil, skill, model, random) });
    const { posterior, modelElements } = resultAtCompletion({ targetSkills: p.targetSkills, knowledgeElements: trace.knowledgeElements, answers: trace.answers, parameters: ENGINE_PARAMETERS });
    const est = masteryEstimate({ targetSkills: p.targetSkills, knowledgeElements: [...trace.knowledgeElements, ...modelElements] }).masteryRate;
    const pts = precisionPoints(posterior.masteryStandardError)!;
    shown.push(pts); q += trace.questions;
    if (2 * 100 * posterior.masteryStandardError <= target + 1e-9) reached++;
    if (Math.abs(est - truth) * 100 <= 200 * posterior.masteryStandardError + 1e-9) cov++;
  }
  shown.sort((a, b) => a - b);
  console.log(`${parcoursId} « ${modelName} » target ±${target}: ${N} pupils, questions ${(q / N).toFixed(1)}, tests ending with 2σ ≤ target ${(100 * reached / N).toFixed(1)} %, shown ± median ${shown[Math.floor(N / 2)]} p90 ${shown[Math.floor(0.9 * N)]} max ${shown[N - 1]}, covers ${(100 * cov / N).toFixed(1)} %`);
}
