/**
 * One pupil of the load: their cookies, their campaigns, the question on their screen, and a cycle — everything
 * the browser does between two questions: the answer's request(s), then, as the page leads, « Continuer » after a
 * checkpoint and « Commencer » before a timed question. When a test ends the pupil arrives on their next
 * campaign's question page (not part of a cycle's time).
 */
import type http from "node:http";
import { performance } from "node:perf_hooks";
import { answerFormEntries, isContractField, type Decision } from "./answer-form";
import { CookieJar, HttpError } from "./http-client";
import type { PageState } from "./page-state";
import { replayInteraction, type ReplayResult } from "./replay";
import { interactionFor, type Shape } from "./shape";
import type { ChallengeSource } from "../../lib/domain/learning-content/schema";
import { MAX_ANSWER_ATTEMPTS, retryDelayMs } from "../../lib/domain/participations/retry-delay";

export type LoadContext = {
  agent: http.Agent;
  baseUrl: URL;
  shape: Shape;
  content: Map<string, ChallengeSource>;
  timeoutMs: number;
  /** Draws right / wrong / « Je passe » (seeded). */
  decide: () => Decision;
  /** Fault bench: an answer without response (or refused for load) is sent again, as the browser will. */
  retry?: { maxAttempts: number; backoffMs: number };
};

export type CycleResult = {
  ok: boolean;
  error?: string;
  /** From the intended start (open loop) to the next question on screen. */
  ms: number;
  requests: number;
  retries: number;
  /** Of the retries, refusals by the app's answer gate (503). */
  gateRefusals?: number;
  /** What each resend answered (« HTTP 502 », « network », « timeout », a French message…), in order. */
  resendCauses?: string[];
  /** The answer the app acknowledged (its response led past the question). */
  acknowledged?: { assessmentId: number; challengeId: string };
};

/**
 * « Commencer » before a timed question refused for load (the answer gate's 503, or the app's own « Trop de monde… »
 * with its Retry-After): the page's script sends it again by itself, with the answers' backoff and its 8 attempts
 * (public/scripts/answer-flow.js, lib/domain/participations/retry-delay.ts), and so does the bench — it counted the
 * first refusal as « rechargement impossible (HTTP 503) ». `attempt`: how many sends came before this one's reply
 * (0 for the first). Null: show what came (a question, a page, an error that is not a refusal, or the last attempt).
 */
export function startTimerResend(state: PageState, attempt: number, random: () => number = Math.random): { delayMs: number; cause: string; atGate: boolean } | null {
  if (state.kind !== "error" || state.retryAfterSeconds === undefined) return null;
  const atGate = state.message === "HTTP 503";
  if (!atGate && !state.message.startsWith("Trop de monde en même temps")) return null;
  if (attempt >= MAX_ANSWER_ATTEMPTS - 1) return null;
  return { delayMs: retryDelayMs(attempt, state.retryAfterSeconds, random), cause: `« Commencer » : ${state.message}`, atGate };
}

/** A cycle's resends, as CycleResult reports them. */
type Resends = { retries: number; gateRefusals: number; causes: string[] };

export class Pupil {
  readonly jar: CookieJar;
  campaignIndex = 0;
  state: PageState = { kind: "unknown" };
  needsArrival = true;
  arrivals = 0;

  constructor(
    readonly email: string,
    cookies: Record<string, string>,
    readonly campaigns: { code: string; assessmentId: number }[],
    /** The account's id (users.id): the key of the pupil's answer lock in PostgreSQL (the fault bench holds it). */
    readonly userId: number = 0,
  ) {
    this.jar = new CookieJar(cookies);
  }

  /** The question on screen, known without opening the page (the run database's current challenge at start). */
  showing(challengeId: string): void {
    this.state = { kind: "question", challengeId };
    this.needsArrival = false;
  }

  get campaign() {
    return this.campaigns[this.campaignIndex] ?? null;
  }

  get isDone(): boolean {
    return this.campaign === null;
  }

  /**
   * Opens the current campaign's question page (the first view, a reload after an error, or the next campaign
   * after an end): the page itself, without the prefetches of its header's links (arrivals are not cycles).
   */
  async arrive(context: LoadContext): Promise<void> {
    while (this.campaign) {
      this.arrivals++;
      const result = await replayInteraction({ agent: context.agent, baseUrl: context.baseUrl, jar: this.jar, interaction: interactionFor(context.shape, "arrive"), to: { code: this.campaign.code, challengeId: null }, anchors: context.shape.anchors, timeoutMs: context.timeoutMs, skipBackground: true });
      this.state = result.state;
      if (this.state.kind === "timer") this.state = await this.startTimer(context, this.state.challengeId, { requests: 0 });
      if (this.state.kind === "question") {
        this.needsArrival = false;
        return;
      }
      if (this.state.kind !== "end") throw new Error(`arrivée impossible : ${JSON.stringify(this.state)}`);
      // A finished test (its question page sends to the results): on to the next campaign.
      this.campaignIndex++;
    }
  }

  private async follow(context: LoadContext, kind: "continue" | "start-timer", challengeId: string | null, counter: { requests: number }): Promise<PageState> {
    const result = await replayInteraction({ agent: context.agent, baseUrl: context.baseUrl, jar: this.jar, interaction: interactionFor(context.shape, kind), to: { code: this.campaign!.code, challengeId }, anchors: context.shape.anchors, timeoutMs: context.timeoutMs, sent: counter });
    return result.state;
  }

  /** « Commencer », sent again after a refusal for load as the page's script does (startTimerResend). */
  private async startTimer(context: LoadContext, challengeId: string, counter: { requests: number }, resends?: Resends): Promise<PageState> {
    for (let attempt = 0; ; attempt++) {
      const state = await this.follow(context, "start-timer", challengeId, counter);
      const resend = startTimerResend(state, attempt);
      if (!resend) return state;
      if (resends) {
        resends.retries++;
        if (resend.atGate) resends.gateRefusals++;
        resends.causes.push(resend.cause);
      }
      await new Promise((r) => setTimeout(r, resend.delayMs));
    }
  }

  private async submit(context: LoadContext, form: [string, string][], counter: { requests: number }): Promise<ReplayResult> {
    const template = interactionFor(context.shape, "answer", "question");
    const result = await replayInteraction({
      agent: context.agent, baseUrl: context.baseUrl, jar: this.jar, interaction: template,
      to: { code: this.campaign!.code, challengeId: (this.state as { challengeId: string }).challengeId },
      anchors: context.shape.anchors, timeoutMs: context.timeoutMs,
      form: { entries: form, isContract: isContractField }, range: [0, template.submission!.index + 1], sent: counter,
    });
    return result;
  }

  /** One cycle: answer the question on screen and get to the next one. */
  async cycle(context: LoadContext, intendedStart: number): Promise<CycleResult> {
    const counter = { requests: 0 };
    let retries = 0;
    let gateRefusals = 0;
    const resendCauses: string[] = [];
    const fail = (error: string): CycleResult => {
      this.needsArrival = true;
      return { ok: false, error, ms: performance.now() - intendedStart, requests: counter.requests, retries, gateRefusals, resendCauses };
    };
    if (this.state.kind !== "question" || !this.campaign) return fail("pas de question à l'écran");
    const { code, assessmentId } = this.campaign;
    const challengeId = this.state.challengeId;
    const challenge = context.content.get(challengeId);
    if (!challenge) return fail(`épreuve inconnue ${challengeId}`);
    const form = answerFormEntries({ code, challenge, decision: context.decide(), encoding: context.shape.choiceEncoding, assessmentId });
    let submitted: ReplayResult | null = null;
    for (let attempt = 1; ; attempt++) {
      let error: string;
      let retryAfterSeconds = 1; // a dropped connection: the page's own 1 s
      try {
        submitted = await this.submit(context, form, counter);
        const s = submitted.state;
        if (s.kind === "question" && s.challengeId === challengeId) error = "la même question revient";
        else if (s.kind === "error" || s.kind === "unknown") {
          error = s.kind === "error" ? s.message : "page inattendue";
          if (s.kind === "error" && s.retryAfterSeconds) retryAfterSeconds = s.retryAfterSeconds;
        } else break;
      } catch (e) {
        error = e instanceof HttpError ? e.kind : String(e);
      }
      // « Trop de monde en même temps » (in the action's result, or the answer gate's 503 before Next.js, which the
      // page's fetch throws on and treats as busy with a 1 s hint): the page sends the answer again, so does the bench.
      const refusedAtGate = error === "HTTP 503";
      const busy = refusedAtGate || error.startsWith("Trop de monde en même temps");
      if (busy && attempt < MAX_ANSWER_ATTEMPTS) {
        retries++;
        resendCauses.push(error);
        if (refusedAtGate) gateRefusals++;
        await new Promise((r) => setTimeout(r, retryDelayMs(attempt - 1, retryAfterSeconds)));
        continue;
      }
      if (!context.retry || attempt >= context.retry.maxAttempts) return fail(error);
      retries++;
      resendCauses.push(error);
      await new Promise((r) => setTimeout(r, context.retry!.backoffMs * Math.min(attempt, 8) * (0.5 + Math.random())));
    }
    const acknowledged = { assessmentId, challengeId };
    try {
      let state = submitted.state;
      // The requests the browser made after the answer's response, for the state it led to.
      const follow = interactionFor(context.shape, "answer", state.kind as "question");
      if (follow.requests.length > follow.submission!.index + 1) {
        await replayInteraction({ agent: context.agent, baseUrl: context.baseUrl, jar: this.jar, interaction: follow, to: { code, challengeId }, anchors: context.shape.anchors, timeoutMs: context.timeoutMs, range: [follow.submission!.index + 1, follow.requests.length], sent: counter });
      }
      // « Continuer »: the question came with the checkpoint (nothing sent), or the page loads it.
      if (state.kind === "checkpoint") state = state.next ?? (await this.follow(context, "continue", null, counter));
      if (state.kind === "timer") {
        const resends: Resends = { retries: 0, gateRefusals: 0, causes: resendCauses };
        try {
          state = await this.startTimer(context, state.challengeId, counter, resends);
        } finally {
          retries += resends.retries;
          gateRefusals += resends.gateRefusals;
        }
      }
      const ms = performance.now() - intendedStart;
      if (state.kind === "end") {
        this.campaignIndex++;
        this.needsArrival = true;
        this.state = { kind: "unknown" };
        return { ok: true, ms, requests: counter.requests, retries, gateRefusals, resendCauses, acknowledged };
      }
      if (state.kind !== "question") return { ...fail(state.kind === "error" ? state.message : `page inattendue (${state.kind})`), acknowledged };
      this.state = state;
      return { ok: true, ms, requests: counter.requests, retries, gateRefusals, resendCauses, acknowledged };
    } catch (e) {
      return { ...fail(e instanceof HttpError ? e.kind : String(e)), acknowledged };
    }
  }
}
