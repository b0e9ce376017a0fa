import "server-only";
import { assessmentStep, elementsForAnswer, type AnsweredChallenge, type AssessmentStep, type KnowledgeElementInput, type ResultAtCompletion } from "../../domain/assessment";
import { answerOutcome, type AnswerOutcome } from "../../domain/participations/answer-outcome";
import { canonicalAnswer, type SubmittedAnswer } from "../../domain/participations/submitted-answer";
import { BusyError, DomainError, NotFoundError } from "../../domain/shared/errors";
import {
  AnswerAlreadyRecorded,
  challengeSource,
  completeAssessment,
  engineContentOfCampaign,
  findAssessmentOfPupil,
  knowledgeCountOf,
  latestKnowledgeElements,
  recordAnswer,
  setCurrentChallenge,
  startTimer,
  answersOfAssessment,
  type AssessmentState,
  type Completion,
  type EngineContent,
  type KnowledgeElementRow,
} from "../../db/repositories/assessment-repository";

/** The pupil's own assessment in this campaign; anybody else's is "not found". */
async function ownAssessment(userId: number, campaignId: number) {
  const assessment = await findAssessmentOfPupil(campaignId, userId);
  if (!assessment || assessment.userId !== userId) throw new NotFoundError();
  return assessment;
}

type Known = Awaited<ReturnType<typeof latestKnowledgeElements>>;
type StoredAnswer = Awaited<ReturnType<typeof answersOfAssessment>>[number];

/** This assessment's answers as the engine reads them (answers to challenges retired since are left out). */
export function answeredChallenges(content: EngineContent, answers: readonly Pick<StoredAnswer, "challengeId" | "result">[]): AnsweredChallenge[] {
  const skillIdByChallengeId = new Map(content.challenges.map((c) => [c.id, c.skillId]));
  return answers.flatMap((a) => {
    const skillId = skillIdByChallengeId.get(a.challengeId);
    return skillId ? [{ challengeId: a.challengeId, skillId, isSuccess: a.result === "OK" }] : [];
  });
}

export function nextStep(assessment: AssessmentState, content: EngineContent, known: readonly KnowledgeElementInput[], extraKnowledge: KnowledgeElementInput[], lastAnswer: { challengeId: string; isTimed: boolean } | null, answers: AnsweredChallenge[]): AssessmentStep {
  const bySkill = new Map<string, KnowledgeElementInput>(known.map((k) => [k.skillId, { skillId: k.skillId, status: k.status, source: k.source }]));
  for (const k of extraKnowledge) bySkill.set(k.skillId, k);
  return assessmentStep({
    seed: String(assessment.id),
    targetSkills: content.skills,
    challenges: content.challenges,
    knowledgeElements: [...bySkill.values()],
    answers,
    lastAnswer,
    method: assessment.assessmentMethod,
    precisionTarget: assessment.precisionTarget,
  });
}

export function rowsOf(content: EngineContent, elements: readonly KnowledgeElementInput[]): KnowledgeElementRow[] {
  const skillById = new Map(content.skills.map((s) => [s.id, s]));
  return elements.map((k) => ({
    skillId: k.skillId,
    competenceId: skillById.get(k.skillId)!.competenceId,
    status: k.status,
    source: k.source,
    earnedPix: k.status === "VALIDATED" ? skillById.get(k.skillId)!.pixValue : 0,
  }));
}

export function completionOf(content: EngineContent, { posterior, modelElements }: ResultAtCompletion): Completion {
  return { modelElements: rowsOf(content, modelElements), masteryMean: posterior.masteryMean, masteryStandardError: posterior.masteryStandardError };
}

/** `optionSeed` orders the proposals of the question for this assessment (see option-order.ts). */
export type CurrentQuestion = { kind: "question"; challengeId: string; answersCount: number; isTimerStarted: boolean; askedAt: Date | null; optionSeed: string } | { kind: "completed" };

/** How many times the end of a test is decided again when the pupil's knowledge keeps moving under it. */
const COMPLETION_TRIES = 3;

/** The question to show; picks one when none is current (first question, or after a restart). */
export async function currentQuestion(input: { userId: number; campaignId: number; now?: Date }, tries = COMPLETION_TRIES): Promise<CurrentQuestion> {
  const now = input.now ?? new Date();
  const assessment = await ownAssessment(input.userId, input.campaignId);
  if (assessment.state !== "STARTED") return { kind: "completed" };
  if (assessment.currentChallengeId) {
    return { kind: "question", challengeId: assessment.currentChallengeId, answersCount: assessment.answersCount, isTimerStarted: assessment.isTimerStarted, askedAt: assessment.currentAskedAt, optionSeed: String(assessment.id) };
  }
  const answers = await answersOfAssessment(assessment.id);
  const last = answers.at(-1);
  const lastChallenge = last ? await challengeSource(last.challengeId) : null;
  const content = await engineContentOfCampaign(input.campaignId);
  // Counted before the elements are read: an element written in between moves the count that completeAssessment checks.
  const knowledgeCount = await knowledgeCountOf(input.userId);
  const known = await latestKnowledgeElements(input.userId, content.skills.map((s) => s.id), assessment.ignoreInvalidatedBefore);
  const step = nextStep(assessment, content, known, [], last && lastChallenge ? { challengeId: last.challengeId, isTimed: Boolean(lastChallenge.content.timer) } : null, answeredChallenges(content, answers));
  if (step.kind === "end") {
    const completion = completionOf(content, step.completion);
    if (await completeAssessment({ assessmentId: assessment.id, userId: input.userId, participationId: assessment.participationId, completion, now, knowledgeCount })) return { kind: "completed" };
    // An answer of this pupil elsewhere wrote knowledge meanwhile: decided again from it (ADR 0013 « 07/12 (13) »).
    if (tries <= 1) throw new BusyError();
    return currentQuestion(input, tries - 1);
  }
  await setCurrentChallenge(assessment.id, step.challengeId, now);
  return { kind: "question", challengeId: step.challengeId, answersCount: assessment.answersCount, isTimerStarted: false, askedAt: now, optionSeed: String(assessment.id) };
}

export async function startTimedChallenge(input: { userId: number; campaignId: number; challengeId: string; now?: Date }): Promise<void> {
  const assessment = await ownAssessment(input.userId, input.campaignId);
  if (assessment.currentChallengeId !== input.challengeId) throw new DomainError("NOT_CURRENT", "Cette question n'est plus la question en cours.");
  await startTimer(assessment.id, input.challengeId, input.now ?? new Date());
}

/**
 * Records the answer to the current question (null = "Je passe"), its knowledge elements, and the next
 * question, in one transaction; at the end, the result's MODEL elements, mean and σ too. A repeated
 * submit of the same answer is accepted once; an answer to a question that is not the current one is refused.
 * Ticked positions are mapped back to the canonical proposal numbers here, on the server, with the
 * assessment's own seed; the answer is stored canonical. `isTimeUp`: the page submitted by itself when the
 * timer reached zero.
 */
export async function answerChallenge(input: { userId: number; campaignId: number; challengeId: string; answer: SubmittedAnswer | null; isTimeUp?: boolean; now?: Date }): Promise<{ result: AnswerOutcome | "ALREADY_RECORDED"; answersCount: number; completed: boolean }> {
  const now = input.now ?? new Date();
  const assessment = await ownAssessment(input.userId, input.campaignId);
  if (assessment.campaignArchived) throw new DomainError("ARCHIVED", "Cette campagne est archivée : il n'est plus possible d'y répondre.");
  const answers = await answersOfAssessment(assessment.id);
  if (answers.some((a) => a.challengeId === input.challengeId)) return { result: "ALREADY_RECORDED", answersCount: assessment.answersCount, completed: assessment.state !== "STARTED" };
  if (assessment.state !== "STARTED" || assessment.currentChallengeId !== input.challengeId) {
    throw new DomainError("NOT_CURRENT", "Cette question n'est plus la question en cours : la page va se mettre à jour.");
  }
  const source = await challengeSource(input.challengeId);
  if (!source) throw new NotFoundError();
  const elapsed = assessment.currentAskedAt ? (now.getTime() - assessment.currentAskedAt.getTime()) / 1000 : null;
  const answer = input.answer === null ? null : canonicalAnswer(input.answer, source.content, String(assessment.id));
  const result = answerOutcome({ challenge: source.content, answer, isTimeUp: input.isTimeUp, elapsedSeconds: source.content.timer && !assessment.isTimerStarted ? Number.POSITIVE_INFINITY : elapsed });
  const content = await engineContentOfCampaign(assessment.campaignId);
  const { skills } = content;
  const known = await latestKnowledgeElements(input.userId, skills.map((s) => s.id), assessment.ignoreInvalidatedBefore);
  const previousAnswers = answeredChallenges(content, answers);
  const answeredSkill = skills.find((s) => s.id === source.skillId);
  const newElements = answeredSkill ? elementsForAnswer({ answeredSkill, result, targetSkills: skills, knownElements: known, previousAnswers }) : [];
  const allAnswers = answeredSkill ? [...previousAnswers, { challengeId: input.challengeId, skillId: answeredSkill.id, isSuccess: result === "OK" }] : previousAnswers;
  const step = nextStep(assessment, content, known, newElements, { challengeId: input.challengeId, isTimed: Boolean(source.content.timer) }, allAnswers);
  try {
    await recordAnswer({
      assessmentId: assessment.id,
      userId: input.userId,
      participationId: assessment.participationId,
      challengeId: input.challengeId,
      value: answer ?? { kind: "skip" },
      result,
      timeSpent: elapsed === null ? null : Math.round(elapsed),
      knowledgeElements: rowsOf(content, newElements),
      next: step.kind === "end" ? { completed: completionOf(content, step.completion) } : { challengeId: step.challengeId },
      now,
    });
  } catch (error) {
    if (error instanceof AnswerAlreadyRecorded) return { result: "ALREADY_RECORDED", answersCount: assessment.answersCount, completed: false };
    throw error;
  }
  return { result, answersCount: assessment.answersCount + 1, completed: step.kind === "end" };
}
