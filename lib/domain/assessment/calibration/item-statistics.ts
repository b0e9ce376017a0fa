import type { EngineParameters } from "../engine-parameters";
import { posteriorState, type Observation } from "../mastery-posterior";
import { LEVEL_GRID } from "../posterior-model";
import type { EngineSkill } from "../types";
import { count, decimal } from "../../shared/french-text";
import { preparePupils } from "./calibration-pupils";
import { itemFit, withoutAnswer, type ItemFit } from "./item-fit";

/**
 * Item statistics (issue 14.5): how each challenge behaves in real tests, for content authors
 * (`npm run content:item-report`). Pure: the answers come from lib/db/queries/item-responses.ts, the same reader
 * as the calibration's. Choices are stored with canonical proposal numbers (the page maps the shuffled positions
 * back before storing, option-order.ts), so option shares are per canonical proposal.
 */

export type StatisticsAnswer = {
  challengeId: string;
  skillId: string;
  result: "OK" | "KO" | "ABAND" | "TIMEDOUT";
  timeSpent: number | null;
  value: unknown;
};
/**
 * One completed test, in the order the tests were taken (the reader pages by assessment id). `pupilId`: whose test
 * it is (null or absent: unknown, counted on its own).
 */
export type StatisticsTest = { pupilId?: number | null; targetSkills: readonly EngineSkill[]; answers: readonly StatisticsAnswer[] };
/** What the statistics need of a challenge: its proposals and key (QCU/QCM), nothing for typed answers. */
export type ChallengeKey = { type: string; proposalsCount: number | null; solution: readonly number[] };

/** No flag before this many answers: below it, one or two pupils decide a rate or a correlation. */
export const MINIMUM_ATTEMPTS = 30;
/** A distractor chosen by fewer than this share of the answers that chose something does not distract. */
export const UNCHOSEN_DISTRACTOR_SHARE = 0.02;
/** …and fewer than this fraction of an even share of the distractors' picks. */
const DEAD_DISTRACTOR_FRACTION = 0.25;
/** A distractor must draw this share of the choices (and 10 pupils) before its choosers' level is compared with the key's. */
const COMPARED_DISTRACTOR_SHARE = 0.1;
const COMPARED_DISTRACTOR_CHOOSERS = 10;
/**
 * « Discrimination négative » only when clearly negative: the correlation must be below −0.10 (smaller ones do not
 * change how an item ranks pupils in practice) AND unlikely for an item that does not discriminate at all — its
 * standard error is about 1/√n, so r·√n under −2 (about 2 % by chance). At 30 answers that takes r < −0.37, at 400
 * answers r < −0.10: a −0.01 over a class is noise and is no longer flagged.
 */
const NEGATIVE_DISCRIMINATION_FLOOR = -0.1;
const NEGATIVE_DISCRIMINATION_Z = -2;

export function isClearlyNegative(discrimination: number, answers: number): boolean {
  return discrimination < NEGATIVE_DISCRIMINATION_FLOOR && discrimination * Math.sqrt(answers) < NEGATIVE_DISCRIMINATION_Z;
}

/**
 * A pupil's first attempt at each challenge only. A pupil who meets a challenge again (the campaign retried, another
 * campaign of the same parcours) saw its solution at the checkpoint after the first time: the second answer measures
 * that memory, not the item, and the same pupil counted twice would weigh double in every rate and correlation. Per
 * pupil rather than per assessment: within one test a challenge is never asked twice. The first, not the latest:
 * only the first was answered by a pupil who had not seen the item. The rest of a retaken test stays (new items).
 */
export function firstAttempts(tests: readonly StatisticsTest[]): StatisticsTest[] {
  const seen = new Map<number, Set<string>>();
  return tests.map((test) => {
    if (test.pupilId === null || test.pupilId === undefined) return test;
    const own = seen.get(test.pupilId) ?? new Set<string>();
    seen.set(test.pupilId, own);
    const answers = test.answers.filter((answer) => !own.has(answer.challengeId));
    for (const answer of answers) own.add(answer.challengeId);
    return answers.length === test.answers.length ? test : { ...test, answers };
  }).filter((test) => test.answers.length > 0);
}

export type ItemFlag =
  | { kind: "TROP_FACILE" | "TROP_DIFFICILE"; label: string }
  | { kind: "DISCRIMINATION_NEGATIVE"; label: string }
  | { kind: "DISTRACTEUR_DELAISSE"; label: string; option: number }
  | { kind: "CLE_CHOISIE_PAR_LES_FAIBLES"; label: string; option: number; strongerOption: number };

/** Worst first: a probable wrong key, then an item that ranks pupils backwards, then misfit, then a dead option. */
const SEVERITY: Record<ItemFlag["kind"], number> = { CLE_CHOISIE_PAR_LES_FAIBLES: 8, DISCRIMINATION_NEGATIVE: 4, TROP_FACILE: 2, TROP_DIFFICILE: 2, DISTRACTEUR_DELAISSE: 1 };

export type OptionShare = { option: number; isKey: boolean; chosen: number; share: number; meanLevel: number | null };

export type ItemStatistics = {
  challengeId: string;
  skillId: string;
  attempts: number;
  successes: number;
  successRate: number;
  /** « Je passe » (ABAND). A late answer (TIMEDOUT) is counted apart. */
  skips: number;
  skipRate: number;
  timeouts: number;
  medianTimeSeconds: number | null;
  /**
   * Point-biserial correlation between a right answer and the pupil's estimated level: the posterior mean of θ
   * from the pupil's *other* answers (leave-one-out, so that the item does not correlate with itself). Null
   * when fewer than 2 answers have an estimate or when every answer is right (or every one wrong).
   */
  discrimination: number | null;
  /** From the item fit (item-fit.ts): the level it behaves as, and what its skill's level predicts. */
  level: number | null;
  effectiveLevel: number | null;
  expectedSuccessRate: number | null;
  /** Share of each canonical proposal among the answers that chose something (QCU/QCM), else null. */
  options: OptionShare[] | null;
  flags: ItemFlag[];
  severity: number;
};

type Accumulator = {
  skillId: string;
  attempts: number;
  successes: number;
  skips: number;
  timeouts: number;
  times: number[];
  // Σ over answers with a level estimate: n, x (right), y (level), y², xy.
  n: number; sx: number; sy: number; syy: number; sxy: number;
  choiceAnswers: number;
  chosen: Map<number, { count: number; levelSum: number; levelCount: number }>;
};

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function choicesOf(value: unknown): number[] | null {
  if (typeof value !== "object" || value === null || (value as { kind?: unknown }).kind !== "choices") return null;
  const selected = (value as { selected?: unknown }).selected;
  return Array.isArray(selected) && selected.every((n) => Number.isInteger(n)) ? (selected as number[]) : null;
}

/** Each answer's pupil level (posterior mean of θ without that answer), or undefined outside the target skills. */
function levelEstimates(tests: readonly StatisticsTest[], parameters: EngineParameters): Map<StatisticsAnswer, number> {
  const estimates = new Map<StatisticsAnswer, number>();
  const sourceOf = new Map<Observation, StatisticsAnswer>();
  const pupils = tests.map((test) => ({
    targetSkills: test.targetSkills,
    answers: test.answers.map((answer) => {
      const observation = { challengeId: answer.challengeId, skillId: answer.skillId, isSuccess: answer.result === "OK" };
      sourceOf.set(observation, answer);
      return observation;
    }),
  }));
  for (const pupil of preparePupils(pupils)) {
    const state = posteriorState({ targetSkills: pupil.skills, observations: pupil.answers, parameters, referenceLevel: pupil.referenceLevel });
    for (const observation of pupil.answers) {
      const { weights } = withoutAnswer(state, observation, parameters);
      let mean = 0;
      for (let g = 0; g < weights.length; g++) mean += weights[g] * LEVEL_GRID[g];
      estimates.set(sourceOf.get(observation)!, mean);
    }
  }
  return estimates;
}

export function itemStatistics(input: {
  tests: readonly StatisticsTest[];
  challenges: ReadonlyMap<string, ChallengeKey>;
  parameters: EngineParameters;
  minimumAttempts?: number;
}): ItemStatistics[] {
  const minimumAttempts = input.minimumAttempts ?? MINIMUM_ATTEMPTS;
  const tests = firstAttempts(input.tests);
  const estimates = levelEstimates(tests, input.parameters);
  const byChallenge = new Map<string, Accumulator>();
  for (const test of tests) {
    for (const answer of test.answers) {
      let a = byChallenge.get(answer.challengeId);
      if (!a) {
        a = { skillId: answer.skillId, attempts: 0, successes: 0, skips: 0, timeouts: 0, times: [], n: 0, sx: 0, sy: 0, syy: 0, sxy: 0, choiceAnswers: 0, chosen: new Map() };
        byChallenge.set(answer.challengeId, a);
      }
      const isSuccess = answer.result === "OK";
      a.attempts++;
      if (isSuccess) a.successes++;
      if (answer.result === "ABAND") a.skips++;
      if (answer.result === "TIMEDOUT") a.timeouts++;
      if (answer.timeSpent !== null) a.times.push(answer.timeSpent);
      const level = estimates.get(answer);
      if (level !== undefined) {
        const x = isSuccess ? 1 : 0;
        a.n++; a.sx += x; a.sy += level; a.syy += level * level; a.sxy += x * level;
      }
      const selected = answer.result === "ABAND" ? null : choicesOf(answer.value);
      if (selected) {
        a.choiceAnswers++;
        for (const option of new Set(selected)) {
          const entry = a.chosen.get(option) ?? { count: 0, levelSum: 0, levelCount: 0 };
          entry.count++;
          if (level !== undefined) { entry.levelSum += level; entry.levelCount++; }
          a.chosen.set(option, entry);
        }
      }
    }
  }
  const fits = new Map<string, ItemFit>(itemFit({
    pupils: tests.map((test) => ({ targetSkills: test.targetSkills, answers: test.answers.map((a) => ({ challengeId: a.challengeId, skillId: a.skillId, isSuccess: a.result === "OK" })) })),
    parameters: input.parameters,
    minimumAttempts,
  }).map((fit) => [fit.challengeId, fit]));

  const statistics = [...byChallenge].map(([challengeId, a]): ItemStatistics => {
    const fit = fits.get(challengeId);
    const key = input.challenges.get(challengeId);
    const discrimination = pointBiserial(a);
    const options = key && key.proposalsCount ? optionShares(a, key) : null;
    const flags: ItemFlag[] = [];
    if (a.attempts >= minimumAttempts) {
      if (fit?.flag) flags.push({ kind: fit.flag, label: `${fit.flag === "TROP_FACILE" ? "Trop facile" : "Trop difficile"} pour son niveau ${fit.level} : se comporte comme un niveau ${decimal(fit.effectiveLevel, 1)} (${count(fit.successes, "réussite", "réussites")} sur ${fit.attempts}, ${decimal(fit.expectedSuccesses, 1)} ${fit.expectedSuccesses >= 2 ? "attendues" : "attendue"})` });
      if (discrimination !== null && a.n >= minimumAttempts && isClearlyNegative(discrimination, a.n)) flags.push({ kind: "DISCRIMINATION_NEGATIVE", label: `Discrimination négative (${decimal(discrimination, 2)}) : les élèves de niveau estimé plus bas la réussissent plus souvent` });
    }
    if (options && a.choiceAnswers >= minimumAttempts) flags.push(...optionFlags(options));
    return {
      challengeId,
      skillId: a.skillId,
      attempts: a.attempts,
      successes: a.successes,
      successRate: a.successes / a.attempts,
      skips: a.skips,
      skipRate: a.skips / a.attempts,
      timeouts: a.timeouts,
      medianTimeSeconds: median(a.times),
      discrimination,
      level: fit?.level ?? null,
      effectiveLevel: fit?.effectiveLevel ?? null,
      expectedSuccessRate: fit ? fit.expectedSuccesses / fit.attempts : null,
      options,
      flags,
      severity: flags.reduce((total, flag) => total + SEVERITY[flag.kind], 0),
    };
  });
  return statistics.sort((x, y) => y.severity - x.severity || (x.discrimination ?? 0) - (y.discrimination ?? 0) || y.attempts - x.attempts || (x.challengeId < y.challengeId ? -1 : 1));
}

function pointBiserial(a: Accumulator): number | null {
  if (a.n < 2) return null;
  const covariance = a.sxy / a.n - (a.sx / a.n) * (a.sy / a.n);
  const varianceX = a.sx / a.n - (a.sx / a.n) ** 2;
  const varianceY = a.syy / a.n - (a.sy / a.n) ** 2;
  if (varianceX <= 0 || varianceY <= 1e-12) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}

function optionShares(a: Accumulator, key: ChallengeKey): OptionShare[] {
  return Array.from({ length: key.proposalsCount! }, (_, i) => {
    const option = i + 1;
    const entry = a.chosen.get(option);
    return {
      option,
      isKey: key.solution.includes(option),
      chosen: entry?.count ?? 0,
      share: a.choiceAnswers === 0 ? 0 : (entry?.count ?? 0) / a.choiceAnswers,
      meanLevel: entry && entry.levelCount > 0 ? entry.levelSum / entry.levelCount : null,
    };
  });
}

/** A dead distractor; a key whose choosers are weaker than a popular distractor's (a wrong key, or two right answers). */
function optionFlags(options: OptionShare[]): ItemFlag[] {
  const flags: ItemFlag[] = [];
  const compared = options.filter((o) => !o.isKey && o.meanLevel !== null && o.share >= COMPARED_DISTRACTOR_SHARE && o.chosen >= COMPARED_DISTRACTOR_CHOOSERS);
  for (const key of options.filter((o) => o.isKey && o.meanLevel !== null)) {
    const stronger = compared.filter((o) => o.meanLevel! > key.meanLevel!).sort((x, y) => y.meanLevel! - x.meanLevel!)[0];
    if (stronger) {
      flags.push({
        kind: "CLE_CHOISIE_PAR_LES_FAIBLES",
        option: key.option,
        strongerOption: stronger.option,
        label: `La bonne réponse (proposition ${key.option}) est choisie par des élèves de niveau estimé plus bas (${decimal(key.meanLevel!, 1)}) que la proposition ${stronger.option} (${decimal(stronger.meanLevel!, 1)}, ${Math.round(stronger.share * 100)} % des réponses) : clé à vérifier`,
      });
    }
  }
  // « Nobody picks it »: under 2 % of the answers, and under a quarter of what the wrong answers would give each
  // distractor if spread evenly — on a very easy item every distractor is rare, which is not the distractor's fault.
  const distractors = options.filter((o) => !o.isKey);
  const evenShare = distractors.reduce((total, o) => total + o.chosen, 0) / Math.max(1, distractors.length);
  for (const option of distractors.filter((o) => o.share < UNCHOSEN_DISTRACTOR_SHARE && o.chosen < DEAD_DISTRACTOR_FRACTION * evenShare)) {
    flags.push({ kind: "DISTRACTEUR_DELAISSE", option: option.option, label: `Distracteur délaissé : la proposition ${option.option} n'est choisie que par ${option.chosen} réponse${option.chosen > 1 ? "s" : ""} (moins de ${UNCHOSEN_DISTRACTOR_SHARE * 100} %, les autres distracteurs ${Math.round(evenShare)} en moyenne)` });
  }
  return flags;
}
