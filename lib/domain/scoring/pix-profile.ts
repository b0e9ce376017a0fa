/**
 * Pix score of a user profile: pix and level per competence, total, certifiability.
 * Competence pix = floor(Σ earnedPix of its validated skills), capped at MAX_REACHABLE_LEVEL × 8;
 * level = floor(pix / 8), capped at MAX_REACHABLE_LEVEL. Certifiable = level ≥ 1 in ≥ 5 competences.
 */
import { PIX_PER_LEVEL } from "../learning-content/pix-values";

export { PIX_PER_LEVEL };

/** Highest level a competence can reach today (configurable in Pix; 5 by default). */
export const MAX_REACHABLE_LEVEL = 5;
/** Levels of the framework, whatever is reachable today. */
export const FRAMEWORK_MAX_LEVEL = 8;
export const COMPETENCES_COUNT = 16;
/** "Pourquoi 1024 pix ?": 8 levels × 8 pix × 16 competences. */
export const THEORETICAL_MAX_PIX = FRAMEWORK_MAX_LEVEL * PIX_PER_LEVEL * COMPETENCES_COUNT;
export const MIN_CERTIFIABLE_COMPETENCES = 5;
export const MIN_CERTIFIABLE_LEVEL = 1;

/** Same literals as the database enum, so repository rows fit without mapping. */
export type KnowledgeElementStatus = "VALIDATED" | "INVALIDATED" | "RESET";

export interface ScoredKnowledgeElement {
  skillId: string;
  competenceId: string;
  status: KnowledgeElementStatus;
  earnedPix: number;
}

export interface CompetenceScore {
  competenceId: string;
  pix: number;
  level: number;
}

export interface PixProfile {
  /** In the order of `competenceIds` when given, else in order of first appearance. */
  competences: CompetenceScore[];
  totalPix: number;
  certifiableCompetencesCount: number;
  isCertifiable: boolean;
}

export interface PixProfileOptions {
  /** Competences to report even without any knowledge element (level 0, 0 pix), e.g. all 16. */
  competenceIds?: readonly string[];
  maxReachableLevel?: number;
}

/**
 * Knowledge elements are append-only: keep the latest per skill, then drop the "reset" ones
 * (a reset means "never assessed"). Ties on createdAt keep the later one in the input.
 */
export function latestKnowledgeElementPerSkill<K extends { skillId: string; status: KnowledgeElementStatus; createdAt: Date }>(
  elements: readonly K[],
): K[] {
  const latest = new Map<string, K>();
  for (const element of elements) {
    const current = latest.get(element.skillId);
    if (!current || element.createdAt.getTime() >= current.createdAt.getTime()) latest.set(element.skillId, element);
  }
  return [...latest.values()].filter((element) => element.status !== "RESET");
}

/** Sums are floored after a tiny tolerance: three skills worth 8/3 must make 8 pix, not 7. */
const FLOAT_TOLERANCE = 1e-9;

/** Pix of one competence from the sum of its earned pix. */
export function competencePix(earnedPixSum: number, maxReachableLevel = MAX_REACHABLE_LEVEL): number {
  return Math.min(Math.floor(earnedPixSum + FLOAT_TOLERANCE), maxReachableLevel * PIX_PER_LEVEL);
}

export function competenceLevel(pix: number, maxReachableLevel = MAX_REACHABLE_LEVEL): number {
  return Math.min(Math.floor(pix / PIX_PER_LEVEL), maxReachableLevel);
}

/** Total and certifiability of scored competences. */
function profileOf(competences: CompetenceScore[]): PixProfile {
  const certifiableCompetencesCount = competences.filter((c) => c.level >= MIN_CERTIFIABLE_LEVEL).length;
  return {
    competences,
    totalPix: competences.reduce((total, c) => total + c.pix, 0),
    certifiableCompetencesCount,
    isCertifiable: certifiableCompetencesCount >= MIN_CERTIFIABLE_COMPETENCES,
  };
}

/** Pix per competence id, as kept at sharing (the export's per-competence columns). */
export function pixByCompetence(profile: PixProfile): Record<string, number> {
  return Object.fromEntries(profile.competences.map((c) => [c.competenceId, c.pix]));
}

/**
 * The profile back from the pix kept at sharing: the same as `pixProfile` on the snapshot (levels and
 * certifiability follow from the pix), without reading the snapshot again.
 */
export function profileFromCompetencePix(pix: Readonly<Record<string, number>>, options: PixProfileOptions = {}): PixProfile {
  const maxReachableLevel = options.maxReachableLevel ?? MAX_REACHABLE_LEVEL;
  // The asked competences first, in their order, then any other kept one (as pixProfile does).
  const ids = [...new Set([...(options.competenceIds ?? []), ...Object.keys(pix)])];
  const competences = ids.map((competenceId) => {
    const value = Number.isFinite(pix[competenceId]) ? pix[competenceId] : 0;
    return { competenceId, pix: value, level: competenceLevel(value, maxReachableLevel) };
  });
  return profileOf(competences);
}

/** `elements` must already be the latest per skill (see latestKnowledgeElementPerSkill). */
export function pixProfile(elements: readonly ScoredKnowledgeElement[], options: PixProfileOptions = {}): PixProfile {
  const maxReachableLevel = options.maxReachableLevel ?? MAX_REACHABLE_LEVEL;
  const sums = new Map<string, number>();
  for (const id of options.competenceIds ?? []) sums.set(id, 0);
  const seenSkills = new Set<string>();
  for (const element of elements) {
    if (seenSkills.has(element.skillId)) {
      throw new Error(`several knowledge elements for skill ${element.skillId}: keep the latest first`);
    }
    seenSkills.add(element.skillId);
    const earned = element.status === "VALIDATED" ? element.earnedPix : 0;
    sums.set(element.competenceId, (sums.get(element.competenceId) ?? 0) + earned);
  }
  const competences = [...sums].map(([competenceId, sum]) => {
    const pix = competencePix(sum, maxReachableLevel);
    return { competenceId, pix, level: competenceLevel(pix, maxReachableLevel) };
  });
  return profileOf(competences);
}
