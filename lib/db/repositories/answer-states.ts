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
 * skills: about 25 KB; of 20 answers over 32 skills: about 13 KB; a state holds up to 7 answers as links, see
 * RememberedState). An entry unused for TTL_MS is stale and goes at the next sweep
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
export function bytesOf(state: AnswerState): number {
  // A remembered state's lists are not built to be counted: its read's lists and its links.
  const { answers, knowledge, links } = state instanceof RememberedState ? state.held() : { answers: state.snapshot.answers.length, knowledge: state.snapshot.knowledge.length, links: 0 };
  return 1_000 + 150 * answers + 220 * knowledge + 100 * links;
}

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

type Answer = AnswerSnapshot["answers"][number];
type Knowledge = AnswerSnapshot["knowledge"][number];
/** One item appended, and the list before it (never changed once made: two states share what they have in common). */
type Link<T> = { readonly item: T; readonly before: Link<T> | null };

/**
 * A state this process computed after its own writes (issue 15): the lists of the read it started from, never
 * changed, and what each answer since added, as links to the previous state's — one answer and its knowledge elements
 * more per answer instead of a copy of the test's whole lists. A state is never changed once made, so a request still
 * deciding from an older state (two tabs, a double submit of the same pupil) sees exactly what it read. `snapshot`
 * builds the lists afresh at each call (short-lived: the decision's own, dead at the end of the request).
 */
export class RememberedState implements AnswerState {
  constructor(
    /** The read's snapshot, whose lists are the start of this state's. */
    private readonly base: AnswerSnapshot,
    readonly assessment: AnswerSnapshot["assessment"],
    private readonly answersAdded: Link<Answer> | null,
    private readonly knowledgeAdded: Link<Knowledge> | null,
    /** Answers and knowledge elements held in the links (for bytesOf). */
    readonly linkedAnswers: number,
    readonly linkedKnowledge: number,
    readonly knowledgeCount: number,
  ) {}

  /** What pix_answer_state would read (the knowledge elements in the order stateAfter always gave). */
  get snapshot(): AnswerSnapshot {
    const answers = [...this.base.answers, ...oldestFirst(this.answersAdded)];
    const knowledge = [...this.base.knowledge];
    const at = new Map<string, number>();
    knowledge.forEach((k, i) => at.set(k.skillId, i));
    for (const element of oldestFirst(this.knowledgeAdded)) {
      const i = at.get(element.skillId);
      // The read's order (created_at DESC, then id DESC; the new id is the highest): an element dated after this one —
      // another process's clock ahead, a request of the same pupil that took its instant later and committed first —
      // stays the latest, as a read would say.
      if (i === undefined) at.set(element.skillId, knowledge.push(element) - 1);
      else if (knowledge[i].createdAt.getTime() <= element.createdAt.getTime()) knowledge[i] = element;
    }
    return { ...this.base, assessment: this.assessment, answers, knowledge };
  }

  /** The answers and knowledge elements this state holds (the read's and the links'; a replaced element's link too). */
  held(): { answers: number; knowledge: number; links: number } {
    return { answers: this.base.answers.length + this.linkedAnswers, knowledge: this.base.knowledge.length + this.linkedKnowledge, links: this.linkedAnswers + this.linkedKnowledge };
  }

  /** The state after this one with one answer and its elements more: links to this one, nothing copied. */
  after(assessment: AnswerSnapshot["assessment"], answer: Answer, elements: Knowledge[], knowledgeCount: number): RememberedState {
    if (this.linkedAnswers + 1 >= LINKS_BEFORE_COPY) {
      // Links keep every element ever written, the replaced ones too: every LINKS_BEFORE_COPY answers, one copy of the
      // lists as they now are (a new state: this one and its lists stay as they were) bounds what an entry holds.
      const now = new RememberedState(this.base, assessment, { item: answer, before: this.answersAdded }, linked(this.knowledgeAdded, elements), 0, 0, knowledgeCount).snapshot;
      return new RememberedState(now, assessment, null, null, 0, 0, knowledgeCount);
    }
    return new RememberedState(this.base, assessment, { item: answer, before: this.answersAdded }, linked(this.knowledgeAdded, elements),
      this.linkedAnswers + 1, this.linkedKnowledge + elements.length, knowledgeCount);
  }

  /** A read's state, as the start of the links (its lists are shared, never copied nor changed). */
  static of(read: AnswerState): RememberedState {
    return read instanceof RememberedState ? read : new RememberedState(read.snapshot, read.snapshot.assessment, null, null, 0, 0, read.knowledgeCount);
  }
}

/**
 * Answers linked before the lists are copied once (see `after`): the copy of a test's lists (a few hundred bytes that
 * outlive the young generation) once per this many answers instead of at every answer; an entry keeps at most
 * this many answers minus one as links, with all their knowledge elements, the replaced ones too (an answer may write
 * several: its inferred ones), and bytesOf counts every one.
 */
const LINKS_BEFORE_COPY = 8;

function linked<T>(link: Link<T> | null, items: T[]): Link<T> | null {
  for (const item of items) link = { item, before: link };
  return link;
}

function oldestFirst<T>(link: Link<T> | null): T[] {
  const items: T[] = [];
  for (let l = link; l; l = l.before) items.push(l.item);
  return items.reverse();
}

/**
 * The count and estimated bytes of the remembered states, readable inside this process only — by the bench's probe
 * (bench/answer-load/memory-probe.mjs, preloaded by the bench, never by npm start), which prints them next to the
 * heap every 30 s of a soak. Two numbers, no pupil's data, nothing served over HTTP. One reader per module instance
 * (a list, so that a bundle holding this module twice would show two caches rather than hide one).
 */
export const ANSWER_STATES_STATS = Symbol.for("pix-libre.answer-states.stats");
export type AnswerStatesStats = { count: number; bytes: number; maxBytes: number };
const readers = ((globalThis as Record<symbol, unknown>)[ANSWER_STATES_STATS] ??= []) as (() => AnswerStatesStats)[];
readers.push(() => ({ count: answerStates.size(), bytes: answerStates.bytes(), maxBytes: states?.maxSize ?? 0 }));

/**
 * The state after `write` was recorded as answer `answerId` at `at` (the instant sent as p_at, so the same
 * timestamps as the rows): what pix_answer_state would read now. Null at the end of the test (nothing more to answer).
 * `before` is never changed; the new state shares its lists (see RememberedState).
 */
export function stateAfter(before: AnswerState, write: AnswerWrite, answerId: number, at: Date): RememberedState | null {
  if (!("challengeId" in write.next)) return null;
  const from = RememberedState.of(before);
  const { assessment } = from;
  return from.after(
    { ...assessment, currentChallengeId: write.next.challengeId, currentAskedAt: at, isTimerStarted: false, answersCount: assessment.answersCount + 1 },
    { id: answerId, challengeId: assessment.currentChallengeId!, result: write.result },
    write.knowledgeElements.map((k) => ({ skillId: k.skillId, status: k.status, source: k.source, earnedPix: k.earnedPix, competenceId: k.competenceId, createdAt: at })),
    before.knowledgeCount + write.knowledgeElements.length,
  );
}
