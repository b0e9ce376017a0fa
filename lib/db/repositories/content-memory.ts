import { db } from "../client";
import { env } from "../../env";
import { BusyError } from "../../domain/shared/errors";
import { connectWithin, isDatabaseBusy } from "./answer-transaction";
import { challengeSource } from "./assessment-repository";
import { tutorialIdsOfSkill, tutorialsByIds } from "./results-repository";

/**
 * Learning content the answer path reads on every answer, kept in memory: challenges, skills and tutorials change
 * only when the content is re-imported, so a few minutes of staleness is harmless (the same TTL as the engine's
 * content in assessment-repository.ts). A campaign's code never changes, so its id is kept longer.
 */
const TTL_MS = 5 * 60 * 1000;

type Memo<K, V> = ((key: K, loadOnMiss?: (key: K) => Promise<V>) => Promise<V>) & {
  /** Puts a value read in bulk (the start's warm-up, answer-warm-up.ts), as if it had just been loaded. */
  prime: (key: K, value: V) => void;
};

/**
 * `loadOnMiss`: another way to read the same value on a miss (the answer path's, within its deadline). Single-flight:
 * the promise is kept at once, so that many requests missing the same key together wait for one read.
 */
function memo<K, V>(load: (key: K) => Promise<V>, ttlMs: number, max = 20_000): Memo<K, V> {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  const prime = (key: K, value: V) => {
    if (entries.size >= max) entries.clear();
    entries.set(key, { at: Date.now(), value: Promise.resolve(value) });
  };
  return Object.assign((key: K, loadOnMiss: (key: K) => Promise<V> = load) => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    // Bounded: content is a few thousand rows; a flood of unknown keys must not grow the map forever.
    if (entries.size >= max) entries.clear();
    const value = loadOnMiss(key);
    entries.set(key, { at: Date.now(), value });
    value.then((v) => v === null && entries.delete(key), () => entries.delete(key));
    return value;
  }, { prime });
}

export const cachedChallengeSource = memo(challengeSource, TTL_MS);

/**
 * A challenge's text for the answer path (an answer, its checkpoint, the next question): from the same memory, but a
 * miss (the first answers after a start, an unknown id) waits for a connection no longer than the answer's deadline
 * (DATABASE_QUEUE_DEADLINE_MS), then is a BusyError — the usual 503 that the page's script retries — instead of the
 * pages' DATABASE_POOL_WAIT_MS (15 s) behind Prisma. (A miss already being read for a page is awaited as it is.)
 */
export async function answerChallengeSource(challengeId: string): Promise<Awaited<ReturnType<typeof challengeSource>>> {
  try {
    return await cachedChallengeSource(challengeId, challengeSourceWithinAnswerDeadline);
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
