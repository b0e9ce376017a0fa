/**
 * Stages ("paliers") of a target profile and the stars shown next to a mastery rate.
 * A stage is reached when its threshold ≤ the mastery percentage; the zero stage (threshold 0)
 * is always reached. Stars = index of the reached stage among the stages sorted by threshold,
 * so the zero stage gives 0 stars, out of (number of stages − 1).
 */

export interface Stage {
  /** 0..100: the mastery percentage from which the stage is reached. */
  threshold: number;
  /** Shown to the pupil. */
  title: string;
  message: string;
  /** Shown to the teacher (tooltip of the stars in Pix Orga). */
  prescriberTitle: string;
  prescriberDescription: string;
}

/** The least a stage needs for the computations below (mastery bands are stages too). */
export type StageThreshold = Pick<Stage, "threshold">;

export interface Stars {
  reached: number;
  total: number;
}

export function sortStages<S extends StageThreshold>(stages: readonly S[]): S[] {
  return [...stages].sort((a, b) => a.threshold - b.threshold);
}

function assertPercent(masteryPercent: number): void {
  if (!Number.isFinite(masteryPercent) || masteryPercent < 0 || masteryPercent > 100) {
    throw new RangeError(`mastery percentage must be within 0..100, got ${masteryPercent}`);
  }
}

/**
 * Index of the reached stage in `sortStages(stages)`, or -1 without stages.
 * The lowest stage counts as the zero stage: it is reached even if its threshold is above 0
 * (target profiles are expected to define a threshold-0 stage; this keeps a bad one readable).
 */
export function reachedStageIndex(stages: readonly StageThreshold[], masteryPercent: number): number {
  assertPercent(masteryPercent);
  if (stages.length === 0) return -1;
  const sorted = sortStages(stages);
  let index = 0;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].threshold <= masteryPercent) index = i;
  }
  return index;
}

/**
 * Pass the percentage as displayed (integer, see mastery.ts) so that the stars agree with the
 * number the teacher reads: 20.6 % is shown "21 %" and must sit in the "21 à 50 %" band.
 */
export function reachedStage<S extends StageThreshold>(stages: readonly S[], masteryPercent: number): S | null {
  const index = reachedStageIndex(stages, masteryPercent);
  return index < 0 ? null : sortStages(stages)[index];
}

export function stars(stages: readonly StageThreshold[], masteryPercent: number): Stars {
  if (stages.length === 0) {
    assertPercent(masteryPercent);
    return { reached: 0, total: 0 };
  }
  return { reached: reachedStageIndex(stages, masteryPercent), total: stages.length - 1 };
}

/**
 * The four bands of « Clés de lecture des résultats », usable as stages: thresholds 0, 21, 51, 81 give 0 to
 * 3 stars out of 3. Their names are the guide's; the guidance is ours and speaks of no school level, since a
 * campaign may be on a rentrée parcours, a thematic one or a whole competence. A campaign's own parcours
 * carries guidance written for its kind (prisma/learning-content/target-profiles.json, `stageSets`).
 */
export interface MasteryBand extends StageThreshold {
  /** Highest integer percentage of the band. */
  upTo: number;
  /** "de 0 à 20 %" */
  rangeLabel: string;
  prescriberTitle: string;
  /** Paragraphs, in order. */
  guidance: readonly string[];
  /** The paragraphs joined by a line break, as a stage's prescriberDescription. */
  prescriberDescription: string;
}

export const MASTERY_BANDS_HEADING = "Clés de lecture des résultats";

/** How to read the percentage, whatever the parcours. */
export const MASTERY_READING_NOTE =
  "Le pourcentage est la part des acquis du parcours que l'élève a validés. Il se lit par rapport au parcours de la campagne : pour un parcours de rentrée, par rapport à ce qu'on attend à ce moment de la scolarité ; pour une compétence entière, par rapport à tous ses niveaux, du débutant à l'expert.";

function band(threshold: number, upTo: number, prescriberTitle: string, guidance: readonly string[]): MasteryBand {
  return {
    threshold,
    upTo,
    rangeLabel: `de ${threshold} à ${upTo} %`,
    prescriberTitle,
    guidance,
    prescriberDescription: guidance.join("\n"),
  };
}

export const MASTERY_BANDS: readonly MasteryBand[] = [
  band(0, 20, "maîtrise insuffisante", [
    "Peu des acquis visés par le parcours sont validés.",
    "L'élève a besoin d'une reprise guidée ; vérifiez aussi qu'il a bien compris les consignes du test.",
  ]),
  band(21, 50, "maîtrise fragile", [
    "Une partie des acquis est validée, beaucoup restent à consolider.",
    "Des activités encadrées et les tutos proposés l'aideront ; l'onglet Analyse indique par quels sujets commencer.",
  ]),
  band(51, 80, "maîtrise satisfaisante", [
    "L'essentiel des acquis du parcours est validé.",
    "Quelques sujets précis restent à travailler, que l'élève peut reprendre en partie seul avec les tutos.",
  ]),
  band(81, 100, "très bonne maîtrise", [
    "Presque tous les acquis du parcours sont validés.",
    "L'élève peut aller plus loin en autonomie et épauler ses camarades.",
  ]),
];

/**
 * The bands as this campaign's parcours describes them: its own texts when its stages are the four bands
 * (thresholds 0, 21, 51, 81), the generic ones otherwise.
 */
export function masteryBandsOf(stages: readonly Pick<Stage, "threshold" | "prescriberDescription">[]): readonly MasteryBand[] {
  const sorted = sortStages(stages);
  const sameBands = sorted.length === MASTERY_BANDS.length && sorted.every((s, i) => s.threshold === MASTERY_BANDS[i].threshold);
  if (!sameBands) return MASTERY_BANDS;
  return MASTERY_BANDS.map((b, i) => band(b.threshold, b.upTo, b.prescriberTitle, sorted[i].prescriberDescription.split("\n").filter(Boolean)));
}

/** The band of a (displayed, integer) mastery percentage. */
export function masteryBand(masteryPercent: number): MasteryBand {
  return reachedStage(MASTERY_BANDS, masteryPercent)!;
}
