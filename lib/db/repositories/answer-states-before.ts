import { LRUCache } from "lru-cache";
import { env } from "../../env";
import type { AnswerSnapshot, AnswerWrite } from "./answer-transaction";

/**
 * The state this process last wrote for a pupil's test (ADR 0013, amendment « 07/12 (8) »). After a recorded answer
 * the process knows the new state exactly — the answer's id, its knowledge elements (created at the instant it
 * sent), one answer more, the next question asked at that instant with its timer off — so the pupil's next answer is
 * decided from it and sent as one statement, pix_answer_submit, which writes only if the database still holds every
 * part of it (the session, the participation, the campaign, the assessment, the count of the user's knowledge
 * elements). A state this process did not see (another process, another tab elsewhere, a timer started, a teacher's
 * action) costs a read, never a wrong write: correctness never depends on which process gets the pupil.
 *
 * Bounded in memory (lru-cache, least recently used out first): ANSWER_STATES_MB megabytes, each entry counted by
 * `bytesOf`, an estimate of its V8 heap calibrated by bench/answer-states/memory.ts (a test of 60 answers over 60
 * skills: about 22 KB; of 20 answers: about 9 KB). An entry unused for TTL_MS is stale and goes at the next sweep
 * (once a minute, by a timer that never keeps the process alive), so that memory returns to idle after a class has
 * finished, even when no answer comes after it.
 */
export type AnswerState = {
  snapshot: AnswerSnapshot;
  /** How many knowledge elements the user had as of the snapshot: the fence pix_answer_submit compares. */
  knowledgeCount: number;
};

/** Longer than a pupil thinks over a question; a pupil back later costs one read. */
const TTL_MS = 10 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 1000;

/** Bytes of heap an entry holds, a little above what bench/answer-states/memory.ts measures. */
export const bytesOf = (state: AnswerState): number => 1_000 + 150 * state.snapshot.answers.length + 220 * state.snapshot.knowledge.length;

let states: LRUCache<string, AnswerState> | null = null;
let sweeper: ReturnType<typeof setInterval> | null = null;
function cache(): LRUCache<string, AnswerState> | null {
  const maxSize = env().ANSWER_STATES_MB * 1024 * 1024;
  if (maxSize === 0) return null;
  if (!sweeper) {
    sweeper = setInterval(() => states?.purgeStale(), SWEEP_EVERY_MS);
    sweeper.unref?.();
  }
  if (!states || states.maxSize !== maxSize) states = new LRUCache<string, AnswerState>({
      maxSize, sizeCalculation: bytesOf, ttl: TTL_MS, updateAgeOnGet: true,
      // The wall clock (a jump only forgets or keeps an entry longer: a read more or a submit that checks anyway).
      perf: { now: () => Date.now() },
    });
  return states;
}

const keyOf = (userId: number, campaignCode: string) => `${userId}\u0000${campaignCode}`;

export const answerStates = {
  get(userId: number, campaignCode: string): AnswerState | undefined {
    return cache()?.get(keyOf(userId, campaignCode));
  },
  set(userId: number, campaignCode: string, state: AnswerState): void {
    const c = cache();
    if (!c) return;
    c.set(keyOf(userId, campaignCode), state);
  },
  /** Drops the entry only if it is still `state` (another answer of the same pupil may have put a newer one since). */
  drop(userId: number, campaignCode: string, state: AnswerState): void {
    const key = keyOf(userId, campaignCode);
    if (states?.peek(key) === state) states.delete(key);
  },
  size: (): number => states?.size ?? 0,
  /** The estimated bytes held (bytesOf summed). */
  bytes: (): number => states?.calculatedSize ?? 0,
  /** Every entry out (the integration tests empty the database between tests and its ids start again at 1). */
  clear(): void {
    states?.clear();
  },
  /**
   * One answer served: from memory in one statement, or after a read. Once a minute at most (on an answer, no
   * timer), the share served from memory goes to the log: what the load balancer's spreading costs is visible.
   */
  served(fromMemory: boolean, now = Date.now()): void {
    if (fromMemory) served.fromMemory++;
    else served.afterRead++;
    if (now - served.since < REPORT_EVERY_MS) return;
    const total = served.fromMemory + served.afterRead;
    console.log(`[réponses] ${total} en ${Math.round((now - served.since) / 1000)} s : ${served.fromMemory} en une instruction (état retenu), ` +
      `${served.afterRead} lues d'abord (${Math.round((100 * served.fromMemory) / total)} % en une instruction) ; ` +
      `${answerStates.size()} états retenus, ${(answerStates.bytes() / 1024 / 1024).toFixed(1)} Mo estimés`);
    served.since = now;
    served.fromMemory = 0;
    served.afterRead = 0;
  },
};

const REPORT_EVERY_MS = 60 * 1000;
const served = { since: Date.now(), fromMemory: 0, afterRead: 0 };

/**
 * The state after `write` was recorded as answer `answerId` at `at` (the instant sent as p_at, so the same
 * timestamps as the rows): what pix_answer_state would read now. Null at the end of the test (nothing more to answer).
 */
export function stateAfter(before: AnswerState, write: AnswerWrite, answerId: number, at: Date): AnswerState | null {
  if (!("challengeId" in write.next)) return null;
  const { assessment, answers, knowledge } = before.snapshot;
  const latest = [...knowledge];
  for (const k of write.knowledgeElements) {
    const element = { skillId: k.skillId, status: k.status, source: k.source, earnedPix: k.earnedPix, competenceId: k.competenceId, createdAt: at };
    const i = latest.findIndex((l) => l.skillId === k.skillId);
    // The read's order (created_at DESC, then id DESC; the new id is the highest): an element dated after `at` —
    // another process's clock ahead, a request of the same pupil that took its instant later and committed first —
    // stays the latest, as a read would say.
    if (i === -1) latest.push(element);
    else if (latest[i].createdAt.getTime() <= at.getTime()) latest[i] = element;
  }
  return {
    snapshot: {
      ...before.snapshot,
      assessment: { ...assessment, currentChallengeId: write.next.challengeId, currentAskedAt: at, isTimerStarted: false, answersCount: assessment.answersCount + 1 },
      answers: [...answers, { id: answerId, challengeId: assessment.currentChallengeId!, result: write.result }],
      knowledge: latest,
    },
    knowledgeCount: before.knowledgeCount + write.knowledgeElements.length,
  };
}
