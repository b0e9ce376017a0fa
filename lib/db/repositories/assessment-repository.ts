import { db } from "../client";
import { Prisma } from "../generated/client";
import { notifyActivityOfParticipation } from "../live/campaign-activity-notify";
import { memo } from "./memo";
import { isDatabaseBusy } from "./answer-transaction";
import { BusyError } from "../../domain/shared/errors";
import type { EngineChallenge, EngineSkill, KnowledgeElementInput, KnowledgeElementSource } from "../../domain/assessment";
import type { ChallengeSource } from "../../domain/learning-content/schema";
import type { AnswerOutcome } from "../../domain/participations/answer-outcome";

export type AssessmentState = {
  id: number;
  userId: number;
  state: "STARTED" | "COMPLETED" | "ABORTED";
  currentChallengeId: string | null;
  currentAskedAt: Date | null;
  isTimerStarted: boolean;
  answersCount: number;
  participationId: number;
  campaignId: number;
  campaignArchived: boolean;
  /** A retry ("Repasser mon parcours"): failures recorded before it started are asked again. */
  ignoreInvalidatedBefore: Date | null;
  /** The campaign's engine settings, read on every answer so that a change applies at the next question. */
  assessmentMethod: "SMART_RANDOM" | "PRECISION";
  precisionTarget: number;
};

/** The assessment of the user's live participation in a campaign, in one query. */
export async function findAssessmentOfPupil(campaignId: number, userId: number): Promise<AssessmentState | null> {
  return findAssessmentWhere({ participation: { campaignId, userId, deletedAt: null, isImproved: false } });
}

export async function findAssessmentOfParticipation(participationId: number): Promise<AssessmentState | null> {
  return findAssessmentWhere({ participationId });
}

async function findAssessmentWhere(where: Prisma.AssessmentWhereInput): Promise<AssessmentState | null> {
  const a = await db.assessment.findFirst({
    where,
    orderBy: { id: "desc" },
    select: {
      id: true, userId: true, state: true, currentChallengeId: true, currentAskedAt: true, isTimerStarted: true, answersCount: true, isImproving: true, createdAt: true,
      participation: { select: { id: true, campaignId: true, campaign: { select: { archivedAt: true, deletedAt: true, assessmentMethod: true, precisionTarget: true } } } },
    },
  });
  if (!a || !a.participation) return null;
  return {
    id: a.id, userId: a.userId, state: a.state, currentChallengeId: a.currentChallengeId, currentAskedAt: a.currentAskedAt,
    isTimerStarted: a.isTimerStarted, answersCount: a.answersCount, participationId: a.participation.id, campaignId: a.participation.campaignId,
    campaignArchived: Boolean(a.participation.campaign.archivedAt || a.participation.campaign.deletedAt),
    ignoreInvalidatedBefore: a.isImproving ? a.createdAt : null,
    assessmentMethod: a.participation.campaign.assessmentMethod,
    precisionTarget: a.participation.campaign.precisionTarget,
  };
}

export type EngineContent = { skills: (EngineSkill & { pixValue: number })[]; challenges: EngineChallenge[] };

/**
 * A campaign's skills are frozen at creation and its challenges change only when the content is
 * re-imported: keep them in memory for a few minutes so that the answer path does not reload them.
 */
const ENGINE_CONTENT_TTL_MS = 5 * 60 * 1000;

/** The value is kept, not the promise of the request that read it (memo.ts: a promise keeps its request alive). */
export const engineContentOfCampaign: (campaignId: number) => Promise<EngineContent> = memo((campaignId: number) => loadEngineContent(campaignId), ENGINE_CONTENT_TTL_MS);

/** The campaign's frozen skills and their playable challenges, as the engine needs them. */
async function loadEngineContent(campaignId: number): Promise<EngineContent> {
  const skills = await db.$queryRawUnsafe<{ id: string; name: string; tube_id: string; competence_id: string; level: number; pix_value: number }[]>(
    `SELECT s.id, s.name, s.tube_id, s.competence_id, s.level, s.pix_value FROM campaign_skills cs JOIN skills s ON s.id = cs.skill_id WHERE cs.campaign_id = $1`,
    campaignId,
  );
  const challenges = await db.$queryRawUnsafe<{ id: string; skill_id: string; timer: number | null }[]>(
    `SELECT c.id, c.skill_id, c.timer FROM campaign_skills cs JOIN challenges c ON c.skill_id = cs.skill_id WHERE cs.campaign_id = $1 AND c.retired_at IS NULL`,
    campaignId,
  );
  return {
    skills: skills.map((s) => ({ id: s.id, name: s.name, tubeId: s.tube_id, competenceId: s.competence_id, level: s.level, pixValue: s.pix_value })),
    challenges: challenges.map((c) => ({ id: c.id, skillId: c.skill_id, isTimed: c.timer !== null })),
  };
}

/** The user's latest knowledge element per skill, over every campaign (reset ones dropped). */
export async function latestKnowledgeElements(userId: number, skillIds: string[], ignoreInvalidatedBefore: Date | null = null): Promise<(KnowledgeElementInput & { earnedPix: number; competenceId: string })[]> {
  if (skillIds.length === 0) return [];
  const rows = await db.$queryRawUnsafe<{ skill_id: string; status: "VALIDATED" | "INVALIDATED" | "RESET"; source: KnowledgeElementSource; earned_pix: number; competence_id: string; created_at: Date }[]>(
    `SELECT DISTINCT ON (skill_id) skill_id, status, source, earned_pix, competence_id, created_at FROM knowledge_elements
     WHERE user_id = $1 AND skill_id = ANY($2::text[]) ORDER BY skill_id, created_at DESC, id DESC`,
    userId,
    skillIds,
  );
  return rows
    .filter((r) => r.status !== "RESET")
    .filter((r) => !(ignoreInvalidatedBefore && r.status === "INVALIDATED" && r.created_at < ignoreInvalidatedBefore))
    .map((r) => ({ skillId: r.skill_id, status: r.status as "VALIDATED" | "INVALIDATED", source: r.source, earnedPix: r.earned_pix, competenceId: r.competence_id }));
}

export async function answersOfAssessment(assessmentId: number) {
  return db.answer.findMany({ where: { assessmentId }, orderBy: { id: "asc" }, select: { id: true, challengeId: true, result: true, value: true, createdAt: true } });
}

export type ChallengeSourceRow = { content: ChallengeSource; skillId: string; pixValue: number; competenceId: string; level: number; tubeId: string };

const SOURCE_SELECT = { id: true, content: true, skill: { select: { id: true, pixValue: true, competenceId: true, level: true, tubeId: true } } } as const;
type SelectedSource = { content: unknown; skill: { id: string; pixValue: number; competenceId: string; level: number; tubeId: string } };
const sourceRow = (c: SelectedSource): ChallengeSourceRow =>
  ({ content: c.content as ChallengeSource, skillId: c.skill.id, pixValue: c.skill.pixValue, competenceId: c.skill.competenceId, level: c.skill.level, tubeId: c.skill.tubeId });

export async function challengeSource(challengeId: string): Promise<ChallengeSourceRow | null> {
  const c = await db.challenge.findUnique({ where: { id: challengeId }, select: SOURCE_SELECT });
  return c ? sourceRow(c) : null;
}

/** Every challenge's source in one read (the start's warm-up, answer-warm-up.ts), same rows as challengeSource. */
export async function allChallengeSources(): Promise<{ id: string; source: ChallengeSourceRow }[]> {
  return (await db.challenge.findMany({ select: SOURCE_SELECT })).map((c) => ({ id: c.id, source: sourceRow(c) }));
}

export async function setCurrentChallenge(assessmentId: number, challengeId: string, now: Date): Promise<void> {
  await db.assessment.update({ where: { id: assessmentId }, data: { currentChallengeId: challengeId, currentAskedAt: now, isTimerStarted: false } });
}

export async function startTimer(assessmentId: number, challengeId: string, now: Date): Promise<void> {
  await db.assessment.updateMany({ where: { id: assessmentId, currentChallengeId: challengeId, isTimerStarted: false }, data: { isTimerStarted: true, currentAskedAt: now } });
}

export class AnswerAlreadyRecorded extends Error {}

export type KnowledgeElementRow = { skillId: string; competenceId: string; status: "VALIDATED" | "INVALIDATED"; source: KnowledgeElementSource; earnedPix: number };

/** The end of an assessment: the elements the posterior decides and the result's mean and σ, kept on the participation. */
export type Completion = { modelElements: KnowledgeElementRow[]; masteryMean: number; masteryStandardError: number };

/** Inside the completing transaction: MODEL elements after the answer's (later id wins), the participation's figures. */
async function writeCompletion(tx: Prisma.TransactionClient, input: { assessmentId: number; userId: number; participationId: number; completion: Completion; now: Date }): Promise<void> {
  const { completion } = input;
  if (completion.modelElements.length) {
    await tx.knowledgeElement.createMany({
      data: completion.modelElements.map((k) => ({ ...k, userId: input.userId, assessmentId: input.assessmentId, answerId: null, createdAt: input.now })),
    });
  }
  await tx.participation.updateMany({
    where: { id: input.participationId, status: "STARTED" },
    data: { status: "TO_SHARE", masteryMean: completion.masteryMean, masteryStandardError: completion.masteryStandardError },
  });
}

/**
 * Records an answer, its knowledge elements and the next step in one transaction. The conditional update
 * on the current challenge makes a double submit (two tabs, a retry) record the answer once.
 */
export async function recordAnswer(input: {
  assessmentId: number;
  userId: number;
  participationId: number;
  challengeId: string;
  value: unknown;
  result: AnswerOutcome;
  timeSpent: number | null;
  knowledgeElements: KnowledgeElementRow[];
  next: { challengeId: string } | { completed: Completion };
  now: Date;
}): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const moved = await tx.assessment.updateMany({
        where: { id: input.assessmentId, state: "STARTED", currentChallengeId: input.challengeId },
        data:
          "completed" in input.next
            ? { state: "COMPLETED", currentChallengeId: null, answersCount: { increment: 1 } }
            : { currentChallengeId: input.next.challengeId, currentAskedAt: input.now, isTimerStarted: false, answersCount: { increment: 1 } },
      });
      if (moved.count !== 1) throw new AnswerAlreadyRecorded();
      const answer = await tx.answer.create({
        data: { assessmentId: input.assessmentId, challengeId: input.challengeId, value: input.value as Prisma.InputJsonValue, result: input.result, timeSpent: input.timeSpent, createdAt: input.now },
        select: { id: true },
      });
      if (input.knowledgeElements.length) {
        await tx.knowledgeElement.createMany({
          data: input.knowledgeElements.map((k) => ({ ...k, userId: input.userId, assessmentId: input.assessmentId, answerId: answer.id, createdAt: input.now })),
        });
      }
      if ("completed" in input.next) {
        await writeCompletion(tx, { assessmentId: input.assessmentId, userId: input.userId, participationId: input.participationId, completion: input.next.completed, now: input.now });
      }
      await notifyActivityOfParticipation(tx, input.participationId);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AnswerAlreadyRecorded();
    throw error;
  }
}

/**
 * The namespace of one user's answer lock: pix_answer_submit's first statement is pg_advisory_xact_lock(this, user id)
 * (migration 20261207150000_answer_submit_user_lock, ADR 0013 « 07/12 (13) »).
 */
export const USER_ANSWER_LOCK_NAMESPACE = 1346983489;

/** How many knowledge elements the user has (only inserts exist: an unchanged count is an unchanged set). */
export async function knowledgeCountOf(userId: number): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM knowledge_elements WHERE user_id = ${userId}`;
  return row.n;
}

/**
 * Ends an assessment with no question left to ask (first question, or after a restart); once, however many tabs ask.
 * Its MODEL elements are knowledge like an answer's, decided from the user's elements as read before: so, as
 * pix_answer_submit does, it takes the user's answer lock, then (a later statement, a later snapshot) checks that the
 * user still has `knowledgeCount` elements — the count read before the elements the decision used. false: an answer
 * of this user (another campaign, another tab) was written in between; nothing was written, decide again.
 */
export async function completeAssessment(input: { assessmentId: number; userId: number; participationId: number; completion: Completion; now: Date; knowledgeCount: number }): Promise<boolean> {
  try {
    return await completeUnderAnswerLock(input);
  } catch (error) {
    // A lock wait given up (another session holds the pupil's lock or the assessment's row): rolled back, nothing
    // written; the page is asked again a moment later (ADR 0013 « 07/12 (17) »).
    if (isDatabaseBusy(error)) throw new BusyError();
    throw error;
  }
}

async function completeUnderAnswerLock(input: { assessmentId: number; userId: number; participationId: number; completion: Completion; now: Date; knowledgeCount: number }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // pg_advisory_xact_lock(USER_ANSWER_LOCK_NAMESPACE, user), after a lock_timeout for the rest of this transaction
    // (migration 20261207170000_answer_lock_timeout): one statement, as before.
    await tx.$queryRaw`SELECT count(*)::int AS n FROM (SELECT public.pix_answer_user_lock(${input.userId}::int)) l`;
    const [{ n }] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM knowledge_elements WHERE user_id = ${input.userId}`;
    if (n !== input.knowledgeCount) return false;
    const { count } = await tx.assessment.updateMany({ where: { id: input.assessmentId, state: "STARTED" }, data: { state: "COMPLETED", currentChallengeId: null } });
    if (count === 1) {
      await writeCompletion(tx, input);
      await notifyActivityOfParticipation(tx, input.participationId);
    }
    return true;
  });
}
