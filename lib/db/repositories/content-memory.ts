import { db } from "../client";
import { env } from "../../env";
import { BusyError } from "../../domain/shared/errors";
import { connectWithin, isDatabaseBusy } from "./answer-transaction";
import { challengeSource } from "./assessment-repository";
import { tutorialIdsOfSkill, tutorialsByIds } from "./results-repository";
import { inOrderOf } from "../../domain/shared/in-order-of";
import { memo, type Memo } from "./memo";

/**
 * Learning content the answer path reads on every answer, kept in memory: challenges, skills and tutorials change
 * only when the content is re-imported, so a few minutes of staleness is harmless (the same TTL as the engine's
 * content in assessment-repository.ts). A campaign's code never changes, so its id is kept longer.
 */
const TTL_MS = 5 * 60 * 1000;

export const cachedChallengeSource = memo(challengeSource, TTL_MS);

/**
 * A challenge's text for the answer path (an answer, its checkpoint, the next question): from the same memory, but a
 * miss (the first answers after a start, an unknown id) waits for a connection no longer than the answer's deadline
 * (DATABASE_QUEUE_DEADLINE_MS), then is a BusyError — the usual 503 that the page's script retries — instead of the
 * pages' DATABASE_POOL_WAIT_MS (15 s) behind Prisma. (A miss already being read for a page is awaited as it is.)
 */
export function answerChallengeSource(challengeId: string): Promise<Awaited<ReturnType<typeof challengeSource>>> {
  return withinAnswerDeadline(cachedChallengeSource, challengeId, challengeSourceWithinAnswerDeadline);
}

/**
 * A memory's value for the answer path: a miss is read by `loadWithinDeadline` (a connection obtained within
 * DATABASE_QUEUE_DEADLINE_MS), and a busy pool becomes a BusyError, the answer's usual 503.
 */
async function withinAnswerDeadline<K, V>(memory: Memo<K, V>, key: K, loadWithinDeadline: (key: K) => Promise<V>): Promise<V> {
  try {
    return await memory(key, loadWithinDeadline);
  } catch (error) {
    if (isDatabaseBusy(error)) throw new BusyError();
    throw error;
  }
}

/** challengeSource's read, on a connection of the pool under Prisma obtained within the answer's deadline. */
async function challengeSourceWithinAnswerDeadline(challengeId: string): ReturnType<typeof challengeSource> {
  const client = await connectWithin(env().DATABASE_QUEUE_DEADLINE_MS);
  try {
    const { rows } = await client.query(
      "SELECT c.content, s.id AS skill_id, s.pix_value, s.competence_id, s.level, s.tube_id FROM challenges c JOIN skills s ON s.id = c.skill_id WHERE c.id = $1",
      [challengeId],
    );
    const c = rows[0];
    return c ? { content: c.content, skillId: c.skill_id, pixValue: c.pix_value, competenceId: c.competence_id, level: c.level, tubeId: c.tube_id } : null;
  } finally {
    client.release();
  }
}

/** The id of the (not deleted) campaign with this code, or null (nulls are not kept: a code may be created later). */
export const campaignIdOfCode = memo(async (code: string): Promise<number | null> => {
  const c = await db.campaign.findUnique({ where: { code }, select: { id: true, deletedAt: true } });
  return c && !c.deletedAt ? c.id : null;
}, 60 * 60 * 1000);

export type CheckpointTutorial = Awaited<ReturnType<typeof tutorialsByIds>>[number];

/** The tutorials a checkpoint shows for a skill: « Pour réussir la prochaine fois » and « Pour en apprendre davantage ». */
export const tutorialsOfSkill = memo(async (skillId: string): Promise<{ toSucceed: CheckpointTutorial[]; learnMore: CheckpointTutorial[] }> => {
  const skill = await tutorialIdsOfSkill(skillId);
  return { toSucceed: await tutorialsByIds(skill?.tutorialIds ?? []), learnMore: await tutorialsByIds(skill?.learningMoreTutorialIds ?? []) };
}, TTL_MS);

/**
 * The tutorials of a skill for the answer path (a checkpoint built after the answer's commit): from the same memory, but
 * a miss waits for a connection no longer than the answer's deadline (DATABASE_QUEUE_DEADLINE_MS), then is a
 * BusyError — the 503 that the page's script (or the no-JavaScript page « Renvoyer ma réponse ») answers by sending the
 * same answer again, which finds it recorded and shows the same checkpoint (ADR 0013 « 07/12 (21) ») — instead of
 * the pages' DATABASE_POOL_WAIT_MS (15 s) behind Prisma.
 */
export function answerTutorialsOfSkill(skillId: string): Promise<Awaited<ReturnType<typeof tutorialsOfSkill>>> {
  return withinAnswerDeadline(tutorialsOfSkill, skillId, tutorialsWithinAnswerDeadline);
}

/** tutorialsOfSkill's reads as one statement, on a connection obtained within the answer's deadline. */
async function tutorialsWithinAnswerDeadline(skillId: string): Promise<{ toSucceed: CheckpointTutorial[]; learnMore: CheckpointTutorial[] }> {
  const client = await connectWithin(env().DATABASE_QUEUE_DEADLINE_MS);
  try {
    const { rows } = await client.query<CheckpointTutorial & { to_succeed: string[]; learn_more: string[] }>(
      "SELECT t.id, t.title, t.source, t.format, t.duration_minutes AS \"durationMinutes\", t.link, " +
        "s.tutorial_ids AS to_succeed, s.learning_more_tutorial_ids AS learn_more " +
        "FROM skills s JOIN tutorials t ON t.retired_at IS NULL AND (t.id = ANY(s.tutorial_ids) OR t.id = ANY(s.learning_more_tutorial_ids)) " +
        "WHERE s.id = $1",
      [skillId],
    );
    const tutorial = ({ id, title, source, format, durationMinutes, link }: CheckpointTutorial): CheckpointTutorial => ({ id, title, source, format, durationMinutes, link });
    // In the skill's own order, as tutorialsByIds gives them to the /checkpoint page.
    const list = (ids: string[]) => inOrderOf(ids, rows.filter((r) => ids.includes(r.id)).map(tutorial));
    return { toSucceed: list(rows[0]?.to_succeed ?? []), learnMore: list(rows[0]?.learn_more ?? []) };
  } finally {
    client.release();
  }
}
