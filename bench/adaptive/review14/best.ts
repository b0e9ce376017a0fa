import { benchParcours } from "../tasks";
import { playAssessment } from "../simulate";
import { createPrecisionStrategy } from "../../../lib/domain/assessment/precision-strategy";
import { resultAtCompletion } from "../../../lib/domain/assessment/result-at-completion";
import { ENGINE_PARAMETERS } from "../../../lib/domain/assessment/engine-parameters";
for (const id of ["tp-rentree-5e", "tp-rentree-4e", "tp-rentree-3e"]) {
  const p = benchParcours().find((x) => x.id === id)!;
  for (const level of [0, 1, 2, 3, 8]) for (const target of [4, 6]) {
    const trace = playAssessment({ parcours: p, strategy: createPrecisionStrategy({ target, parameters: ENGINE_PARAMETERS }), seed: `best-${level}`, answer: (s) => s.level <= level });
    const { posterior } = resultAtCompletion({ targetSkills: p.targetSkills, knowledgeElements: trace.knowledgeElements, answers: trace.answers, parameters: ENGINE_PARAMETERS });
    console.log(`${id} (${p.targetSkills.length} skills) pupil at level ${level} in every tube, never a slip — target ±${target}: ${trace.questions} questions, 2σ = ${(200 * posterior.masteryStandardError).toFixed(1)} pts`);
  }
}
