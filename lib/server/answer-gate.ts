import type { IncomingMessage, ServerResponse } from "node:http";
import { CROSS_ORIGIN_MESSAGE, isCrossOriginPagePost, isSameOriginPost } from "../domain/requests/cross-origin-post";
import { BUSY_MESSAGE } from "../domain/shared/errors";
import { busyPage, busyPageHeaders } from "../pupil-flow/busy-page";
import { formFromText, INVALID_FORM_MESSAGE, MAX_FORM_BYTES } from "../pupil-flow/read-form";
import { ARRIVAL_HEADER, takeArrivalField } from "./arrival-proof";
import { refuseBody } from "./request-gate";

/**
 * The answer path's admission at the HTTP level (scripts/server.ts, docs/adr/0013-lean-answer-path.md): at most
 * `concurrency` answers inside Next.js at once, then a queue of at most `queue` answers waiting at most `queueMs`;
 * past either bound the answer is refused at once with 503, `Retry-After` and « Trop de monde en même temps… »,
 * before Next.js has parsed anything, so that an overload costs a few microseconds per refused answer instead of a
 * server action that queues on the database pool and times out there. Nothing was recorded: the page sends the same
 * answer again by itself (components/app/campaign/answer-flow.tsx treats a failed fetch as « busy »); answers are
 * idempotent. The in-action BusyError (the pool's own deadline) stays as the second line. Both refusals carry a
 * signed proof of the answer's first arrival (X-Pix-Arrival), so that a timed answer is not made late by the wait.
 * That text is the script's (X-Pix-Flow); a plain form post (no JavaScript) gets a French page instead, whose form
 * posts the same answer again with its proof as a hidden field (lib/pupil-flow/busy-page.ts, ADR 0013 « 07/12 (16) »).
 * Each pupil has a share of it (`perPupil`, ADR 0013 « 07/12 (18) »); an answer without a valid session takes no slot.
 */
export type AnswerGateSettings = {
  /** Answers handed to Next.js at once (one process: its CPU, and the database pool behind it). */
  concurrency: number;
  /** Answers waiting for a slot; beyond, refused at once. */
  queue: number;
  /** How long an answer may wait for a slot before it is refused. */
  queueMs: number;
  /** The Retry-After header sent with a refusal, in seconds. */
  retryAfterSeconds: number;
  /**
   * Answers of one pupil inside and waiting at once, when the gate knows who asks (`pupilOf`); beyond, refused at
   * once. A pupil has one question at a time: two tabs or a double click need 2. Unset: no share (tests of the bounds).
   */
  perPupil?: number;
};

export type AnswerGateCounters = { admitted: number; queued: number; refusedFull: number; refusedDeadline: number; abandoned: number; refusedShare: number; withoutSession: number };

type Waiter = { admit: () => void; timer: NodeJS.Timeout };

export type AnswerGateOptions = {
  /**
   * The signed proof of a refused answer's arrival (lib/server/arrival-proof.ts), from its raw body, sent back in the
   * refusal's X-Pix-Arrival header; null when there is nothing to prove (not a form, not signed in).
   */
  proveArrival?: (request: IncomingMessage, body: string, arrivedAtMs: number) => string | null;
  /** The app's stylesheets, for the look of the page a plain form post gets (none: unstyled, still usable). */
  stylesheets?: () => readonly string[];
  /** The security headers of that page (next.config.ts's and proxy.ts's: scripts/server.ts gives them). */
  pageHeaders?: () => Record<string, string>;
  /**
   * Who asks, for the per-pupil share: the user of a session cookie whose signature and expiry check out (a forged or
   * expired cookie is no one), or null. Without a session an answer is not let into the queue: it goes on without a
   * slot, and the page answers it by sending to the sign-in page, without reading the database (lib/pupil-flow).
   */
  pupilOf?: (request: IncomingMessage) => Promise<number | null> | number | null;
};

/** The page's script sends its answers with this header (lib/pupil-flow/flow-request.ts); a plain form does not. */
const FLOW_HEADER = "x-pix-flow";
const headerOf = (request: IncomingMessage, name: string): string | null => {
  const value = request.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
};
const sentFrom = (request: IncomingMessage) => ({ origin: headerOf(request, "origin"), host: headerOf(request, "host"), forwardedHost: headerOf(request, "x-forwarded-host") });

/** What a request let through without a slot releases: nothing. */
const NO_SLOT = () => {};

/**
 * To sign a refused answer (and keep it in the page a plain form post gets) the gate reads its body: only an announced
 * body this small — an answer is a few hundred bytes, a long free answer a few KB — and only this long; otherwise the
 * refusal goes out without a proof (and the page says the answer must be given again).
 */
const PROOF_BODY_LIMIT = 16 * 1024;
const PROOF_BODY_WAIT_MS = 2_000;

/**
 * How long an answer's body may take to arrive after its headers before it is refused (408), and how often we look:
 * first on the next turn of the event loop (where a body sent with its headers is complete), then after 1, 2, 4, 8,
 * 16 ms and every 20 ms — a body a few packets behind its headers waits about as long again as it took to come, a
 * trickling one costs the process no more than before (a look every 20 ms for 2 s).
 */
const BODY_WAIT_MS = 2_000;
const BODY_POLL_MAX_MS = 20;
const INCOMPLETE_MESSAGE = "Votre réponse n'est pas arrivée en entier : vérifiez la connexion, puis envoyez-la de nouveau.";

/**
 * Which requests are answers: a POST to the question page `/campagnes/CODE/evaluation` (a route handler since ADR
 * 0017), sent by its script (header X-Pix-Flow, JSON reply) or as a plain form without JavaScript. « Commencer »
 * before a timed question is posted there too: gated like an answer, and retried by the script the same way.
 * The one place to change when the answer moves.
 */
const ANSWER_PAGE = /^\/campagnes\/[A-Za-z0-9]+\/evaluation\/?$/;

export function isAnswerRequest(request: Pick<IncomingMessage, "method" | "url">): boolean {
  if (request.method !== "POST") return false;
  return ANSWER_PAGE.test((request.url ?? "/").split("?")[0]);
}

export class AnswerGate {
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];
  /** Per pupil (user id): answers inside and waiting. No entry at 0. */
  private readonly shares = new Map<number, number>();
  readonly counters: AnswerGateCounters = { admitted: 0, queued: 0, refusedFull: 0, refusedDeadline: 0, abandoned: 0, refusedShare: 0, withoutSession: 0 };

  constructor(
    readonly settings: AnswerGateSettings,
    private readonly options: AnswerGateOptions = {},
  ) {}

  get load(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.waiting.length };
  }

  /** Pupils with answers inside or waiting, and how many each (the shares held). */
  get pupils(): ReadonlyMap<number, number> {
    return this.shares;
  }

  /**
   * Waits for a slot. Resolves to a release function (call it once the response is over: it is idempotent and
   * also bound to the response's `close`, so an error or an aborted request frees the slot), or to null when the
   * request was answered here (503) or abandoned by its client while it waited.
   */
  async enter(request: IncomingMessage, response: ServerResponse): Promise<(() => void) | null> {
    // Larger than any answer (the request gate lets a signed-in user send up to 21 MB): not one of our forms. Refused
    // before waiting for it: past Node's buffer its body stops arriving until someone reads it, which made it a 408.
    if (Number(request.headers["content-length"]) > MAX_FORM_BYTES) {
      refuseBody(request, response, 400, INVALID_FORM_MESSAGE);
      return null;
    }
    if (!(await this.bodyArrived(request, response))) return null;
    const perPupil = this.settings.perPupil;
    if (!this.options.pupilOf || perPupil === undefined) return this.admit(request, response);
    const pupil = await this.options.pupilOf(request);
    // A token decoded for the first time takes a moment (about 0.15 ms, off the event loop): a client gone meanwhile
    // has already closed its response, whose `close` would never come again to free a slot or a share taken now.
    if (request.socket.destroyed) {
      this.counters.abandoned++;
      return null;
    }
    if (pupil === null) {
      this.counters.withoutSession++;
      return NO_SLOT;
    }
    return this.admitWithinShare(request, response, pupil, perPupil);
  }

  /**
   * The per-pupil share (issue 15, ADR 0013 « 07/12 (18) »): without it one session — a script gone wrong, a client
   * that keeps posting — could fill the queue, and every other pupil was refused. A pupil's answers inside and waiting
   * count against its share until their response is over (or their refusal, or their client gives up); one past it is
   * refused at once, as when the queue is full (the same 503: the page sends it again). Its own answers are
   * serialized in PostgreSQL anyway (the pupil's answer lock), so more of them at once would gain nothing.
   */
  private async admitWithinShare(request: IncomingMessage, response: ServerResponse, pupil: number, perPupil: number): Promise<(() => void) | null> {
    const held = this.shares.get(pupil) ?? 0;
    if (held >= perPupil) {
      this.counters.refusedShare++;
      // Without an arrival proof: this refusal comes from the pupil's own answers in flight, not from our overload, so
      // it must not date the answer (a pupil could otherwise have every choice of a timed question refused and proven
      // at once, then send one of them late: review of 07/12, ADR 0013 « 07/12 (22) »). The page still keeps the answer.
      this.refuse(request, response, Date.now(), false);
      return null;
    }
    this.shares.set(pupil, held + 1);
    let returned = false;
    const giveBack = () => {
      if (returned) return;
      returned = true;
      const left = (this.shares.get(pupil) ?? 1) - 1;
      if (left > 0) this.shares.set(pupil, left);
      else this.shares.delete(pupil);
    };
    // Also on `close`, like the slot: an error or an aborted request gives the share back.
    response.once("close", giveBack);
    const release = await this.admit(request, response);
    if (!release) {
      giveBack();
      return null;
    }
    return () => {
      release();
      giveBack();
    };
  }

  /**
   * An answer takes a slot only once its whole body is here (review-final, 06/12): admitted before, a client that
   * announced a body and stopped sending held its slot until Node's request timeout (300 s), so 8 idle sockets kept
   * every pupil's answer out for minutes. An answer is a few hundred bytes sent with its headers: it is normally
   * complete at once; one still incomplete after BODY_WAIT_MS is answered 408 and its connection closed. Node parses a
   * body that nobody reads yet into the request's buffer, so `complete` says it arrived without consuming it.
   */
  private bodyArrived(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    if (request.complete) return Promise.resolve(true);
    // Node sets `complete` once its parser has run past the body, after the request event's turn: a fixed 20 ms poll
    // made every answer wait 20 ms for nothing (issue 15's latency breakdown, docs/adr/0013-lean-answer-path.md).
    return new Promise((resolve) => {
      const startedAt = Date.now();
      let timer: NodeJS.Timeout | undefined;
      let immediate: NodeJS.Immediate | undefined;
      let delay = 1;
      const done = (arrived: boolean) => {
        clearTimeout(timer);
        if (immediate) clearImmediate(immediate);
        request.off("close", gone);
        resolve(arrived);
      };
      const gone = () => done(false);
      const look = () => {
        if (request.complete) return done(true);
        if (Date.now() - startedAt < BODY_WAIT_MS) {
          timer = setTimeout(look, delay);
          delay = Math.min(delay * 2, BODY_POLL_MAX_MS);
          return;
        }
        done(false);
        if (!response.headersSent && !response.destroyed) {
          const text = Buffer.from(`${INCOMPLETE_MESSAGE}\n`);
          response.writeHead(408, { "content-type": "text/plain; charset=utf-8", "content-length": text.length, "cache-control": "no-store", connection: "close" });
          response.end(text);
        }
        request.destroy();
      };
      immediate = setImmediate(look);
      request.once("close", gone);
    });
  }

  private admit(request: IncomingMessage, response: ServerResponse): Promise<(() => void) | null> {
    if (this.inFlight < this.settings.concurrency) return Promise.resolve(this.take(response));
    const arrivedAtMs = Date.now();
    if (this.waiting.length >= this.settings.queue) {
      this.counters.refusedFull++;
      this.refuse(request, response, arrivedAtMs);
      return Promise.resolve(null);
    }
    this.counters.queued++;
    return new Promise((resolve) => {
      const leave = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        clearTimeout(waiter.timer);
        request.off("close", onAbort);
        response.off("close", onAbort);
      };
      const onAbort = () => {
        leave();
        this.counters.abandoned++;
        resolve(null);
      };
      const waiter: Waiter = {
        admit: () => {
          leave();
          resolve(this.take(response));
        },
        timer: setTimeout(() => {
          leave();
          this.counters.refusedDeadline++;
          this.refuse(request, response, arrivedAtMs);
          resolve(null);
        }, this.settings.queueMs),
      };
      this.waiting.push(waiter);
      // The client gave up (closed the connection): its place goes to the next one.
      request.once("close", onAbort);
      response.once("close", onAbort);
    });
  }

  private take(response: ServerResponse): () => void {
    this.inFlight++;
    this.counters.admitted++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.waiting[0]?.admit();
    };
    response.once("close", release);
    return release;
  }

  /**
   * The refusal, with the proof of the answer's arrival when it can be made (its body read first, bounded): the text
   * the page's script reads, or for a plain form post the page that keeps the answer.
   */
  private refuse(request: IncomingMessage, response: ServerResponse, arrivedAtMs: number, withProof = true): void {
    const isScript = headerOf(request, FLOW_HEADER) === "1";
    if (!isScript && this.isCrossSite(request)) return this.writeCrossSite(response);
    const prove = withProof ? this.options.proveArrival : undefined;
    const declared = Number(request.headers["content-length"]);
    if ((isScript && !prove) || !(declared > 0 && declared <= PROOF_BODY_LIMIT)) return this.writeRefusal(request, response, null, null);
    const chunks: Buffer[] = [];
    let size = 0;
    let isDone = false;
    const finish = (body: string | null) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      response.off("close", gone);
      let proof: string | null = null;
      try {
        proof = body !== null && prove ? prove(request, body, arrivedAtMs) : null;
      } catch {
        proof = null; // no proof is no worse than before: the answer is measured on its later arrival
      }
      this.writeRefusal(request, response, proof, body);
    };
    const gone = () => finish(null);
    const timer = setTimeout(gone, PROOF_BODY_WAIT_MS);
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= declared) chunks.push(chunk);
    });
    request.once("end", () => finish(size === declared ? Buffer.concat(chunks).toString("utf8") : null));
    request.once("error", gone);
    response.once("close", gone);
  }

  /**
   * A plain form post from another site (its Origin names another host): what proxy.ts answers it in Next.js. Never the
   * page: echoing a foreign form in a page of ours would let another site have a pupil post its answer from here.
   */
  private isCrossSite(request: IncomingMessage): boolean {
    const pathname = (request.url ?? "/").split("?")[0];
    return isCrossOriginPagePost({ method: "POST", pathname, ...sentFrom(request) });
  }

  private writeCrossSite(response: ServerResponse): void {
    const text = Buffer.from(`${CROSS_ORIGIN_MESSAGE}\n`);
    response.writeHead(403, { ...this.options.pageHeaders?.(), "content-type": "text/plain; charset=utf-8", "content-length": text.length, "cache-control": "no-store" });
    response.end(text);
  }

  /** `body`: the refused body when it was read in full (null: not read, too big, or cut). */
  private writeRefusal(request: IncomingMessage, response: ServerResponse, proof: string | null, body: string | null): void {
    if (response.destroyed || response.writableEnded) return;
    // A body left unread (no proof to make) is dropped by Node after the response, so the connection stays usable
    // (behind nginx, a closed upstream connection is what turns into a 502).
    if (headerOf(request, FLOW_HEADER) !== "1") return this.writePage(request, response, proof, body);
    const text = Buffer.from(`${BUSY_MESSAGE}\n`);
    response.writeHead(503, {
      "content-type": "text/plain; charset=utf-8",
      "content-length": text.length,
      "cache-control": "no-store",
      "retry-after": String(this.settings.retryAfterSeconds),
      ...(proof ? { [ARRIVAL_HEADER]: proof } : {}),
    });
    response.end(text);
  }

  /** The page of a plain form post: the answer kept in a form that posts it again (or, not read, said to be lost). */
  private writePage(request: IncomingMessage, response: ServerResponse, proof: string | null, body: string | null): void {
    // Echoed only for a post that names our origin (a missing or "null" Origin: the page without the answer).
    const parsed = isSameOriginPost(sentFrom(request)) ? formFromText(headerOf(request, "content-type"), body) : null;
    const form = parsed ? takeArrivalField(parsed).form : null;
    // The address matched isAnswerRequest: letters and digits only; the query (if any) is not posted again.
    const action = (request.url ?? "/").split("?")[0];
    const html = Buffer.from(busyPage({ action, form, arrival: form ? proof : null, stylesheets: this.options.stylesheets?.() ?? [] }), "utf8");
    response.writeHead(503, { ...this.options.pageHeaders?.(), ...busyPageHeaders(this.settings.retryAfterSeconds), "content-length": html.length });
    response.end(html);
  }
}
