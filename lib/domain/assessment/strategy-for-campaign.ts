import { createPrecisionStrategy } from "./precision-strategy";
import type { SelectionStrategy } from "./selection-strategy";
import { smartRandomStrategy } from "./smart-random-strategy";

export type AssessmentMethod = "SMART_RANDOM" | "PRECISION";

const precisionByTarget = new Map<number, SelectionStrategy>();

/** The strategy a campaign's settings ask for (one precision strategy per target, built once). */
export function strategyForCampaign(method: AssessmentMethod, precisionTarget: number): SelectionStrategy {
  if (method === "SMART_RANDOM") return smartRandomStrategy;
  let strategy = precisionByTarget.get(precisionTarget);
  if (!strategy) precisionByTarget.set(precisionTarget, (strategy = createPrecisionStrategy({ target: precisionTarget })));
  return strategy;
}
