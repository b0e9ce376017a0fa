import { db } from "../client";
import { challengeSource } from "./assessment-repository";
import { tutorialIdsOfSkill, tutorialsByIds } from "./results-repository";

/**
 * Learning content the answer path reads on every answer, kept in memory: challenges, skills and tutorials change
 * only when the content is re-imported, so a few minutes of staleness is harmless (the same TTL as the engine's
 * content in assessment-repository.ts). A campaign's code never changes, so its id is kept longer.
 */
const TTL_MS = 5 * 60 * 1000;

function memo<K, V>(load: (key: K) => Promise<V>, ttlMs: number, max = 20_000): (key: K) => Promise<V> {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  return (key) => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    // Bounded: content is a few thousand rows; a flood of unknown keys must not grow the map forever.
    if (entries.size >= max) entries.clear();
    const value = load(key);
    entries.set(key, { at: Date.now(), value });
    value.then((v) => v === null && entries.delete(key), () => entries.delete(key));
    return value;
  };
}

export const cachedChallengeSource = memo(challengeSource, TTL_MS);

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
