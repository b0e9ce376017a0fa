import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { roundTrips } from "@/lib/db/prisma-factory";
import { answerStates } from "@/lib/db/repositories/answer-states";
import { STATE_CALL, SUBMIT_CALL, type AnswerSnapshot, type SessionClaims } from "@/lib/db/repositories/answer-transaction";
import { answerAndContinue } from "@/lib/use-cases/participations/answer-and-continue";
import { currentQuestion } from "@/lib/use-cases/participations/answer-challenge";
import { pupilIn as startedPupil } from "./answer-world";

/**
 * What the tests of the remembered answer state share (ADR 0013, amendment « 07/12 (8) »): a pupil with claims, the
 * answer path's statements of a piece of work, the pupil's answers, a skip, and one answer so that the process
 * remembers the state.
 */

/** A pupil started in `campaign` (or `pupil`, already signed up, in a second campaign), with session claims. */
export async function pupilIn(campaign: { id: number; code: string }, pupil?: { id: number }) {
  const started = pupil ? await startedIn(campaign, pupil.id) : await startedPupil(campaign);
  const claims: SessionClaims = { userId: started.pupil.id, sessionId: `s-${started.pupil.id}`, sessionVersion: 0 };
  return { pupil: started.pupil, claims, first: started.first };
}

/** The same pupil in a second campaign. */
async function startedIn(campaign: { id: number; code: string }, userId: number) {
  const { startParticipation } = await import("@/lib/use-cases/participations/pupil-campaign");
  await startParticipation({ userId, code: campaign.code, externalId: null });
  const q = await currentQuestion({ userId, campaignId: campaign.id });
  if (q.kind !== "question") throw new Error("expected a question");
  return { pupil: { id: userId }, first: q.challengeId };
}

/** Runs `work` and returns what it returned with the answer path's statements. */
export async function statementsOf<T>(work: () => Promise<T>): Promise<{ value: T; log: string[] }> {
  roundTrips.log = [];
  try {
    return { value: await work(), log: roundTrips.log };
  } finally {
    roundTrips.log = null;
  }
}

export const answersOf = (userId: number) => db.answer.findMany({ where: { assessment: { userId } }, orderBy: { id: "asc" }, select: { challengeId: true, result: true } });
export const skip = (claims: SessionClaims, code: string, challengeId: string) => answerAndContinue({ claims, code, challengeId, answer: null });
/** A remembered state refused: the submit, the read, the submit again. */
export const COLD = [SUBMIT_CALL, STATE_CALL, SUBMIT_CALL];

/** The pupil answers (skips) once: the process now remembers the state; the question to answer next. */
export async function answeredOnce(campaign: { code: string }, claims: SessionClaims, first: string): Promise<string> {
  const outcome = await skip(claims, campaign.code, first);
  if (outcome.kind !== "answered" || !outcome.next) throw new Error("expected a next question");
  expect(answerStates.get(claims.userId, campaign.code)).toBeDefined();
  return outcome.next.challengeId;
}

/** The knowledge list in a stable order (PostgreSQL's and the memory's may differ; the engine reads it per skill). */
export const bySkill = (s: AnswerSnapshot) => ({ ...s, knowledge: [...s.knowledge].sort((a, b) => a.skillId.localeCompare(b.skillId)) });
