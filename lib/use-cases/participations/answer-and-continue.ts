import "server-only";
import { elementsForAnswer, progression, type KnowledgeElementInput } from "../../domain/assessment";
import { displayOrder } from "../../domain/learning-content/option-order";
import { solutionText } from "../../domain/learning-content/public-challenge";
import { ANSWER_OUTCOME_LABELS, answerOutcome, type AnswerOutcome } from "../../domain/participations/answer-outcome";
import { CHECKPOINT_EVERY, replayedCheckpoint } from "../../domain/participations/checkpoint";
import { canonicalAnswer, type SubmittedAnswer } from "../../domain/participations/submitted-answer";
import { BusyError, DomainError, NotFoundError } from "../../domain/shared/errors";
import { engineContentOfCampaign } from "../../db/repositories/assessment-repository";
import { answeredChallenges, completionOf, nextStep, rowsOf } from "./answer-challenge";
import { isDatabaseBusy, runAnswer, type AnswerSnapshot, type AnswerWrite, type SessionClaims } from "../../db/repositories/answer-transaction";
import { answerChallengeSource, answerTutorialsOfSkill, campaignIdOfCode, type CheckpointTutorial } from "../../db/repositories/content-memory";

/**
 * The lean answer path (issue 15): records the answer and returns what the page shows next — the next question,
 * or the checkpoint with the question after it — from one read, one writing transaction and content in memory, so
 * that the browser needs no second request. Same rules as answerChallenge (answer-challenge.ts), which the tests and the no-JavaScript
 * page path still use: a double submit is recorded once, an answer to a question that is not current is refused,
 * an archived campaign refuses answers, timed questions are measured on the server, ticked positions are mapped back
 * with the assessment's own option order.
 */

export type NextQuestion = { challengeId: string; answersCount: number; optionSeed: string; isTimerStarted: boolean; askedAt: Date };
export type CheckpointItem = { id: number; instruction: string; result: AnswerOutcome; resultLabel: string; solution: string; correction: string; tutorials: CheckpointTutorial[]; learnMore: CheckpointTutorial[] };
export type CheckpointData = { percentDone: number; items: CheckpointItem[]; completed: boolean };

export type AnswerAndContinue =
  | { kind: "signed-out" }
  | { kind: "must-change-password" }
  | {
      kind: "answered";
      result: AnswerOutcome | "ALREADY_RECORDED";
      campaign: { id: number; code: string; name: string; title: string | null };
      /** The question to show now (null when the test is over). */
      next: NextQuestion | null;
      /** Shown before `next` after every fifth answer and at the end. */
      checkpoint: CheckpointData | null;
    };

type Decision = { result: AnswerOutcome | "ALREADY_RECORDED"; newElements: KnowledgeElementInput[]; next: NextQuestion | null; answersCount: number };

export async function answerAndContinue(input: AnswerInput): Promise<AnswerAndContinue> {
  try {
    return await answer(input);
  } catch (error) {
    // Past capacity: refused before anything was written; the browser tries again by itself.
    if (isDatabaseBusy(error)) throw new BusyError();
    throw error;
  }
}

type AnswerInput = {
  claims: SessionClaims; code: string; challengeId: string; answer: SubmittedAnswer | null; isTimeUp?: boolean; now?: Date;
  /**
   * When the server first received this very answer, proven by a refusal's signed proof (lib/server/arrival-proof.ts):
   * a timed question is measured up to then, so that our overload never makes an answer late. Ignored when it is
   * before the question was asked or after now.
   */
  arrivedAt?: Date | null;
};

async function answer(input: AnswerInput): Promise<AnswerAndContinue> {
  const now = input.now ?? new Date();
  // Content from memory, before the database calls: an answer never waits for a second connection.
  const campaignId = await campaignIdOfCode(input.code);
  if (campaignId === null) throw new NotFoundError();
  const content = await engineContentOfCampaign(campaignId);
  const source = await answerChallengeSource(input.challengeId);
  const { skills } = content;

  const decide = (snap: AnswerSnapshot): { write: AnswerWrite | null; decision: Decision } => {
    const { assessment } = snap;
    if (assessment.campaignId !== campaignId) throw new NotFoundError();
    if (assessment.campaignArchived) throw new DomainError("ARCHIVED", "Cette campagne est archivée : il n'est plus possible d'y répondre.");
    const current: NextQuestion | null = assessment.state === "STARTED" && assessment.currentChallengeId
      ? { challengeId: assessment.currentChallengeId, answersCount: assessment.answersCount, optionSeed: String(assessment.id), isTimerStarted: assessment.isTimerStarted, askedAt: assessment.currentAskedAt ?? now }
      : null;
    if (snap.answers.some((a) => a.challengeId === input.challengeId)) {
      return { write: null, decision: { result: "ALREADY_RECORDED", newElements: [], next: current, answersCount: assessment.answersCount } };
    }
    if (assessment.state !== "STARTED" || assessment.currentChallengeId !== input.challengeId) {
      throw new DomainError("NOT_CURRENT", "Cette question n'est plus la question en cours : la page va se mettre à jour.");
    }
    if (!source) throw new NotFoundError();
    const answer = input.answer === null ? null : canonicalAnswer(input.answer, source.content, String(assessment.id));
    const askedAt = assessment.currentAskedAt;
    const arrivedAt = input.arrivedAt && askedAt && input.arrivedAt >= askedAt && input.arrivedAt <= now ? input.arrivedAt : now;
    const elapsed = askedAt ? (arrivedAt.getTime() - askedAt.getTime()) / 1000 : null;
    const result = answerOutcome({ challenge: source.content, answer, isTimeUp: input.isTimeUp, elapsedSeconds: source.content.timer && !assessment.isTimerStarted ? Number.POSITIVE_INFINITY : elapsed });
    const known = engineKnowledge(snap, assessment.ignoreInvalidatedBefore);
    // The same engine steps as answerChallenge: the campaign's method (precision stop or smart random), re-checks.
    const previousAnswers = answeredChallenges(content, snap.answers);
    const answeredSkill = skills.find((s) => s.id === source.skillId);
    const newElements = answeredSkill ? elementsForAnswer({ answeredSkill, result, targetSkills: skills, knownElements: known, previousAnswers }) : [];
    const allAnswers = answeredSkill ? [...previousAnswers, { challengeId: input.challengeId, skillId: answeredSkill.id, isSuccess: result === "OK" }] : previousAnswers;
    const next = nextStep(assessment, content, known, newElements, { challengeId: input.challengeId, isTimed: Boolean(source.content.timer) }, allAnswers);
    const answersCount = assessment.answersCount + 1;
    const write: AnswerWrite = {
      value: answer ?? { kind: "skip" },
      result,
      timeSpent: elapsed === null ? null : Math.round(elapsed),
      knowledgeElements: rowsOf(content, newElements),
      next: next.kind === "end" ? { completed: completionOf(content, next.completion) } : { challengeId: next.challengeId },
    };
    const nextQuestion = next.kind === "end" ? null : { challengeId: next.challengeId, answersCount, optionSeed: String(assessment.id), isTimerStarted: false, askedAt: now };
    return { write, decision: { result, newElements, next: nextQuestion, answersCount } };
  };

  const outcome = await runAnswer(input.claims, input.code, skills.map((s) => s.id), decide, now);
  if (outcome.kind === "session-invalid") return { kind: "signed-out" };
  if (outcome.kind === "must-change-password") return { kind: "must-change-password" };
  if (outcome.kind === "no-assessment") throw new NotFoundError();
  const { snapshot, decision, answerId } = outcome;
  let checkpoint: CheckpointData | null = null;
  if (answerId !== null && decision.result !== "ALREADY_RECORDED") {
    // Recorded by this request: the checkpoint after every fifth answer and at the end.
    const completed = decision.next === null;
    if (completed || decision.answersCount % CHECKPOINT_EVERY === 0) {
      const answers = [...snapshot.answers, { id: answerId, challengeId: input.challengeId, result: decision.result }];
      checkpoint = await checkpointData(snapshot, answers, decision.newElements, skills, completed);
    }
  } else if (decision.result === "ALREADY_RECORDED") {
    // Recorded by an earlier try whose reply the pupil may never have seen (a 503 after the commit, a dropped
    // connection, a restart, a second click or tab): the same checkpoint as that try (ADR 0013 « 07/12 (21) »).
    const replayed = replayedCheckpoint({ state: snapshot.assessment.state, answersCount: snapshot.assessment.answersCount, answers: snapshot.answers }, input.challengeId);
    if (replayed) checkpoint = await checkpointData(snapshot, snapshot.answers, [], skills, replayed.completed);
  }
  return { kind: "answered", result: decision.result, campaign: snapshot.campaign, next: decision.next, checkpoint };
}

/** The engine's view of the pupil's knowledge: latest per skill, RESET dropped, failures before a retry forgotten. */
function engineKnowledge(snap: AnswerSnapshot, ignoreInvalidatedBefore: Date | null): KnowledgeElementInput[] {
  return snap.knowledge
    .filter((k) => k.status !== "RESET")
    .filter((k) => !(ignoreInvalidatedBefore && k.status === "INVALIDATED" && k.createdAt < ignoreInvalidatedBefore))
    .map((k) => ({ skillId: k.skillId, status: k.status as "VALIDATED" | "INVALIDATED", source: k.source }));
}

/** « Avancement » as the checkpoint page shows it (checkpoint-view.ts), from what the answer read and wrote. */
async function checkpointData(snap: AnswerSnapshot, answers: AnswerSnapshot["answers"], newElements: KnowledgeElementInput[], skills: Parameters<typeof progression>[0]["targetSkills"], completed: boolean): Promise<CheckpointData> {
  const count = answers.length % CHECKPOINT_EVERY || Math.min(CHECKPOINT_EVERY, answers.length);
  const known = new Map<string, KnowledgeElementInput>(engineKnowledge(snap, null).map((k) => [k.skillId, k]));
  for (const k of newElements) known.set(k.skillId, k);
  const done = progression({ targetSkills: skills, knowledgeElements: [...known.values()], isCompleted: completed });
  const seed = String(snap.assessment.id);
  const items: CheckpointItem[] = [];
  for (const answer of answers.slice(-count)) {
    const source = await answerChallengeSource(answer.challengeId);
    if (!source) continue;
    const tutorials = await answerTutorialsOfSkill(source.skillId);
    items.push({
      id: answer.id, instruction: source.content.instruction, result: answer.result, resultLabel: ANSWER_OUTCOME_LABELS[answer.result],
      solution: solutionText(source.content, displayOrder(seed, source.content)), correction: source.content.correction,
      tutorials: answer.result === "OK" ? [] : tutorials.toSucceed, learnMore: tutorials.learnMore,
    });
  }
  return { percentDone: Math.round(done * 100), items, completed };
}
