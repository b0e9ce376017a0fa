import { elementsForAnswer } from "@/lib/domain/assessment/assessment-step";
import type { AnsweredChallenge } from "@/lib/domain/assessment/observations";
import { selectNextChallenge } from "@/lib/domain/assessment/select-next-challenge";
import type { SelectionStrategy } from "@/lib/domain/assessment/selection-strategy";
import type {
  AnswerResult,
  EngineChallenge,
  EngineSkill,
  KnowledgeElementInput,
  KnowledgeElementSource,
  KnowledgeElementStatus,
} from "@/lib/domain/assessment/types";

/** Builders for the adaptive engine: skill ids read "tubeId-level", challenge ids "skillId-cN". */

export function skill(tubeId: string, level: number, overrides: Partial<EngineSkill> = {}): EngineSkill {
  return { id: `${tubeId}-${level}`, name: `@${tubeId}${level}`, tubeId, competenceId: "comp-1", level, ...overrides };
}

/** The skills of one tube at the given levels (default 1..maxLevel). */
export function tube(tubeId: string, levels: number | readonly number[], competenceId = "comp-1"): EngineSkill[] {
  const list = typeof levels === "number" ? Array.from({ length: levels }, (_, i) => i + 1) : levels;
  return list.map((level) => skill(tubeId, level, { competenceId }));
}

/** `perSkill` challenges for each skill; those of `timedSkillIds` are timed (all of them, or only the first with "first"). */
export function challengesFor(
  skills: readonly EngineSkill[],
  options: { perSkill?: number; timedSkillIds?: readonly string[]; timed?: "all" | "first" } = {},
): EngineChallenge[] {
  const { perSkill = 2, timedSkillIds = [], timed = "all" } = options;
  return skills.flatMap((s) =>
    Array.from({ length: perSkill }, (_, i) => ({
      id: `${s.id}-c${i}`,
      skillId: s.id,
      isTimed: timedSkillIds.includes(s.id) && (timed === "all" || i === 0),
    })),
  );
}

export function ke(
  skillId: string,
  status: KnowledgeElementStatus = "VALIDATED",
  source: KnowledgeElementSource = "DIRECT",
): KnowledgeElementInput {
  return { skillId, status, source };
}

/** A pupil mastering every skill up to `level` in every tube (no slip, no guess). */
export const pupilOfLevel =
  (level: number): Pupil =>
  (s) =>
    s.level <= level ? "OK" : "KO";

export type Pupil = (skill: EngineSkill, challenge: EngineChallenge) => AnswerResult;

export type AskedQuestion = {
  challengeId: string;
  skill: EngineSkill;
  isTimed: boolean;
  result: AnswerResult;
  /** Skills with an element (MODEL ones aside) before the question. */
  knownBefore: ReadonlySet<string>;
  /** The skill was already answered in this assessment: a re-check. */
  isRecheck: boolean;
};

/** Plays a whole assessment as the app would: ask, answer, append the knowledge elements, repeat (re-checks included). */
export function runAssessment(args: {
  targetSkills: readonly EngineSkill[];
  challenges: readonly EngineChallenge[];
  pupil: Pupil;
  seed: string;
  strategy?: SelectionStrategy;
  profile?: readonly KnowledgeElementInput[];
  maxQuestions?: number;
}): { asked: AskedQuestion[]; knowledgeElements: KnowledgeElementInput[]; hasEnded: boolean } {
  const { targetSkills, challenges, pupil, seed, strategy, maxQuestions = 1000 } = args;
  const knowledgeElements = [...(args.profile ?? [])];
  const asked: AskedQuestion[] = [];
  const answers: AnsweredChallenge[] = [];
  while (asked.length < maxQuestions) {
    const last = asked[asked.length - 1];
    const next = selectNextChallenge({
      targetSkills,
      challenges,
      knowledgeElements,
      answeredChallengeIds: asked.map((question) => question.challengeId),
      answers,
      lastAnswer: last ? { challengeId: last.challengeId, isTimed: last.isTimed } : null,
      seed,
      strategy,
    });
    if (next.kind === "end") return { asked, knowledgeElements, hasEnded: true };
    const challenge = challenges.find((c) => c.id === next.challengeId)!;
    const answeredSkill = targetSkills.find((s) => s.id === next.skillId)!;
    const result = pupil(answeredSkill, challenge);
    const knownBefore = new Set(knowledgeElements.filter((element) => element.source !== "MODEL").map((element) => element.skillId));
    const isRecheck = answers.some((answer) => answer.skillId === answeredSkill.id);
    asked.push({ challengeId: challenge.id, skill: answeredSkill, isTimed: challenge.isTimed, result, knownBefore, isRecheck });
    knowledgeElements.push(...elementsForAnswer({ answeredSkill, result, targetSkills, knownElements: knowledgeElements, previousAnswers: answers }));
    answers.push({ challengeId: challenge.id, skillId: answeredSkill.id, isSuccess: result === "OK" });
  }
  return { asked, knowledgeElements, hasEnded: false };
}
