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
 * Bounded (lru-cache, least recently used out first): ANSWER_STATES entries, each a few kilobytes (a test's answers
 * and the latest knowledge element per skill of the campaign: about 8 KB at 60 answers and 60 skills, measured in
 * tests/unit/db/answer-states.test.ts), and an entry unused for TTL_MS goes, so that memory returns to idle after
 * a class has finished.
 */
export type AnswerState = {
  snapshot: AnswerSnapshot;
  /** How many knowledge elements the user had as of the snapshot: the fence pix_answer_submit compares. */
  knowledgeCount: number;
};

const TTL_MS = 30 * 60 * 1000;

let states: LRUCache<string, AnswerState> | null = null;
function cache(): LRUCache<string, AnswerState> | null {
  const max = env().ANSWER_STATES;
  if (max === 0) return null;
  if (!states || states.max !== max) states = new LRUCache<string, AnswerState>({ max, ttl: TTL_MS, updateAgeOnGet: true });
  return states;
}

const keyOf = (userId: number, campaignCode: string) => `${userId}\u0000${campaignCode}`;

export const answerStates = {
  get(userId: number, campaignCode: string): AnswerState | undefined {
    return cache()?.get(keyOf(userId, campaignCode));
  },
  set(userId: number, campaignCode: string, state: AnswerState): void {
    cache()?.set(keyOf(userId, campaignCode), state);
  },
  /** Drops the entry only if it is still `state` (another answer of the same pupil may have put a newer one since). */
  drop(userId: number, campaignCode: string, state: AnswerState): void {
    const key = keyOf(userId, campaignCode);
    if (states?.peek(key) === state) states.delete(key);
  },
  size: (): number => states?.size ?? 0,
  /** Every entry out (the integration tests empty the database between tests and its ids start again at 1). */
  clear(): void {
    states?.clear();
  },
};

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
    if (i === -1) latest.push(element);
    else latest[i] = element;
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
