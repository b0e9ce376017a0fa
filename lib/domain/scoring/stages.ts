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
 * The four bands of the teachers' guide ("Clés de lecture des résultats"), usable as stages:
 * thresholds 0, 21, 51, 81 give 0 to 3 stars out of 3. Texts are the guide's, word for word.
 */
export interface MasteryBand extends StageThreshold {
  /** Highest integer percentage of the band. */
  upTo: number;
  /** "de 0 à 20 %" */
  rangeLabel: string;
  prescriberTitle: string;
  /** The guide's paragraphs, in order. */
  guidance: readonly string[];
  /** The paragraphs joined by a line break, as a stage's prescriberDescription. */
  prescriberDescription: string;
}

export const MASTERY_BANDS_HEADING = "Clés de lecture des résultats";

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
    "L'élève connaît d'importantes difficultés (très éloigné du numérique, compréhension difficile des consignes, etc.) compte tenu de son niveau d'enseignement.",
    "Il a besoin d'un accompagnement important, tant en matière de formation au numérique que dans l'utilisation de la plateforme Pix.",
  ]),
  band(21, 50, "maîtrise fragile", [
    "L'élève dispose de bases fragiles compte tenu de son niveau d'enseignement.",
    "Il a besoin de formation pour les consolider sur un nombre important de sujets (voir aperçu dans l'onglet analyse).",
    "Un accompagnement est nécessaire dans la construction de son profil Pix de compétences numériques.",
  ]),
  band(51, 80, "maîtrise satisfaisante", [
    "L'élève a des bases correspondant à son niveau d'enseignement. Pour progresser, il a besoin de formation sur des sujets ciblés (voir aperçu dans l'onglet analyse).",
    "Il peut être invité à compléter en autonomie son profil Pix de compétences numériques, notamment au travers de parcours Pix thématiques ou disciplinaires.",
  ]),
  band(81, 100, "très bonne maîtrise", [
    "L'élève a de très bonnes bases compte tenu de son niveau d'enseignement.",
    "Il peut être invité à utiliser Pix en autonomie, pour compléter son profil de compétences numériques et apprendre avec les tutos.",
    "Il peut aider ses camarades en difficulté.",
  ]),
];

/** The band of a (displayed, integer) mastery percentage. */
export function masteryBand(masteryPercent: number): MasteryBand {
  return reachedStage(MASTERY_BANDS, masteryPercent)!;
}
