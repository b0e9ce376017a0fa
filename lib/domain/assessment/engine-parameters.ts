import { z } from "zod";
import shipped from "./parameters.json" with { type: "json" };

/**
 * Parameters of the engine's model of a pupil (docs/adr/0011-mastery-posterior.md), versioned in the
 * repository: written by `npm run engine:calibrate`, reviewed and committed like code, so that the same
 * answers always give the same questions and the same result.
 */
export const engineParametersSchema = z.object({
  /** Label of the parameter set (calibration date or "a-priori-…"). */
  version: z.string().min(1),
  /** Where the values come from (sample sizes of the calibration). */
  source: z.string(),
  /** P(wrong answer | skill mastered): inattention, a misread option, "Je passe" by prudence. */
  slip: z.number().gt(0).lt(0.5),
  /** P(right answer | skill not mastered): a lucky option, an answer found on the web. */
  guess: z.number().gt(0).lt(0.5),
  /** Spread (standard deviation, in levels) of a tube's level around the pupil's general level. */
  tubeSpread: z.number().gt(0.05).lt(5),
  /** The general level's prior: normal, centred on the parcours' reference level plus an offset. */
  levelPrior: z.object({
    offsetFromReference: z.number().gt(-8).lt(8),
    standardDeviation: z.number().gt(0.1).lt(8),
  }),
});

export type EngineParameters = z.infer<typeof engineParametersSchema>;

/** The committed parameters (checked once at load: a bad file stops the app at start). */
export const ENGINE_PARAMETERS: EngineParameters = engineParametersSchema.parse(shipped);
