import pg from "pg";
import { CAMPAIGN_ACTIVITY_CHANNEL } from "./campaign-activity-notify";

/**
 * The process-wide LISTEN of « Suivi en direct » (issue 17): one database connection per app process whatever the
 * number of teachers watching, a map campaign → subscribers, and per campaign at most one push per COALESCE_MS (30
 * pupils answering within a second make one or two refreshes, not thirty). When the connection drops it comes back
 * with backoff, and every subscriber is told to resync (notifications sent in between are lost, the rows are not).
 */

/** "changed": a write on the campaign; "resync": the listener (re)connected, read everything again. */
export type CampaignActivityEvent = "changed" | "resync";
export type CampaignActivitySubscriber = (event: CampaignActivityEvent) => void;

export const COALESCE_MS = 500;
const MAX_BACKOFF_MS = 10_000;
/** A LISTEN connection only receives: a periodic ping finds a half-open socket (NAT, failover) that would stay silent. */
const PING_EVERY_MS = 30_000;
/** With nobody watching, the connection is closed after this (a page reload does not reconnect). */
const IDLE_CLOSE_MS = 30_000;

type Options = { connectionString: string; log?: (message: string) => void };

export class CampaignActivityListener {
  private readonly subscribers = new Map<number, Set<CampaignActivitySubscriber>>();
  private readonly lastPush = new Map<number, number>();
  private readonly pending = new Map<number, NodeJS.Timeout>();
  private client: pg.Client | null = null;
  private opening: Promise<void> | null = null;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Connections opened so far (the tests and the bench read it). */
  connectionsOpened = 0;

  constructor(private readonly options: Options) {}

  /** Starts listening if needed; returns the unsubscribe function. */
  subscribe(campaignId: number, subscriber: CampaignActivitySubscriber): () => void {
    let set = this.subscribers.get(campaignId);
    if (!set) this.subscribers.set(campaignId, (set = new Set()));
    set.add(subscriber);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.closed = false;
    void this.ensureConnected();
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(campaignId) === set) {
        this.subscribers.delete(campaignId);
        this.lastPush.delete(campaignId);
        clearTimeout(this.pending.get(campaignId));
        this.pending.delete(campaignId);
      }
      if (this.subscribers.size === 0 && !this.idleTimer) this.idleTimer = setTimeout(() => void this.close(), IDLE_CLOSE_MS).unref();
    };
  }

  /** Resolves once the LISTEN is in place (tests; the pages do not wait: they resync when it is). */
  async ready(): Promise<void> {
    await this.ensureConnected();
    while (this.opening) await this.opening;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of [this.retryTimer, this.pingTimer, this.idleTimer, ...this.pending.values()]) if (timer) clearTimeout(timer);
    this.pending.clear();
    this.retryTimer = this.pingTimer = this.idleTimer = null;
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    if (!this.opening) this.opening = this.open().finally(() => (this.opening = null));
    return this.opening;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString, keepAlive: true, application_name: "pix-libre-live" });
    client.on("notification", (message) => {
      const campaignId = Number(message.payload);
      if (message.channel === CAMPAIGN_ACTIVITY_CHANNEL && Number.isSafeInteger(campaignId)) this.changed(campaignId);
    });
    client.on("error", (error) => this.lost(client, error.message));
    client.on("end", () => this.lost(client, "connexion fermée"));
    try {
      this.connectionsOpened++;
      await client.connect();
      await client.query(`LISTEN ${CAMPAIGN_ACTIVITY_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners("end");
      await client.end().catch(() => undefined);
      this.retry(error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    this.pingTimer = setInterval(() => client.query("SELECT 1").catch((error: Error) => this.lost(client, error.message)), PING_EVERY_MS).unref();
    // What happened before the LISTEN (or while it was down) was not heard: every page reads its rows again.
    for (const campaignId of this.subscribers.keys()) this.push(campaignId, "resync");
  }

  private lost(client: pg.Client, reason: string): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    client.end().catch(() => undefined);
    if (!this.closed) this.retry(reason);
  }

  private retry(reason: string): void {
    if (this.closed || this.retryTimer) return;
    // Exponential backoff with jitter: after a database restart, every app process does not come back at once.
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt++;
    this.options.log?.(`[suivi en direct] écoute interrompue (${reason}), nouvel essai dans ${Math.round(delay)} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.ensureConnected();
    }, delay).unref();
  }

  /** Leading edge at once, then at most one trailing push per COALESCE_MS for the writes in between. */
  private changed(campaignId: number): void {
    if (!this.subscribers.has(campaignId) || this.pending.has(campaignId)) return;
    const wait = (this.lastPush.get(campaignId) ?? -Infinity) + COALESCE_MS - Date.now();
    if (wait <= 0) return this.push(campaignId, "changed");
    this.pending.set(campaignId, setTimeout(() => {
      this.pending.delete(campaignId);
      this.push(campaignId, "changed");
    }, wait));
  }

  private push(campaignId: number, event: CampaignActivityEvent): void {
    this.lastPush.set(campaignId, Date.now());
    for (const subscriber of this.subscribers.get(campaignId) ?? []) {
      try {
        subscriber(event);
      } catch (error) {
        this.options.log?.(`[suivi en direct] abonné en erreur : ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
