import "server-only";
import { sessionFromToken } from "../auth/session-check";
import { subscribeToCampaignActivity } from "../db/live/campaign-activity";
import { DomainError } from "../domain/shared/errors";
import { readLiveView } from "../use-cases/live-view/read-live-view";

/** A comment line now and then: proxies and browsers keep an idle stream open, and a dead client is noticed. */
const HEARTBEAT_MS = 15_000;
/**
 * The session (signed out, password changed) and the membership are checked again this often even when nothing
 * happens; the rows are read again too, so that « depuis » and the 4-minute « bloqué ? » stay true without answers.
 */
const RECHECK_MS = 20_000;
/** A stream ends after this; the browser reconnects by itself and is authorized again from scratch. */
const MAX_STREAM_MS = 30 * 60_000;
/** What EventSource waits before reconnecting. */
const RETRY_MS = 2_000;

export const EVENT_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: the server's compression leaves the stream alone (it would hold events back to fill a block).
  "cache-control": "no-store, no-transform",
  // nginx: deliver each event at once (docs/deploy.md also sets proxy_buffering off for this location).
  "x-accel-buffering": "no",
  connection: "keep-alive",
};

type StreamInput = {
  token: string; userId: number; campaignId: number; division: string | null; signal: AbortSignal; recheckMs?: number;
  /** Called once when the stream ends, however it ends (client gone, refused access, end of life): frees its slot. */
  onClose?: () => void;
};

/**
 * « Suivi en direct »'s event stream (the caller authorized the connection): subscribed first, then the first snapshot
 * (a change between the two is not lost), then a new one after every change the process's
 * listener reports (already coalesced per campaign), a resync after the listener reconnected, and one every
 * RECHECK_MS. Each snapshot goes through readLiveView, which checks the membership again; the session is checked
 * again every RECHECK_MS. When either is gone, an `acces` event says so and the stream closes (the page stops
 * reconnecting).
 */
export function liveViewStream(input: StreamInput): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let reading = false;
      let again = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
        }
      };
      const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const refuse = () => {
        send("acces", { message: "Vous n'avez plus accès à cette campagne : rechargez la page pour vous reconnecter." });
        finish();
      };
      // One read at a time per stream; a change during a read triggers exactly one more.
      const refresh = async () => {
        if (reading) {
          again = true;
          return;
        }
        reading = true;
        try {
          do {
            again = false;
            send("etat", await readLiveView({ userId: input.userId, campaignId: input.campaignId, division: input.division, now: new Date() }));
          } while (again && !closed);
        } catch (error) {
          if (error instanceof DomainError) refuse();
          else console.warn(`[suivi en direct] lecture impossible : ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          reading = false;
        }
      };
      const recheck = async () => {
        const session = await sessionFromToken(input.token, new Date()).catch(() => undefined);
        if (session === undefined) return; // the database is unreachable: keep the stream, the next check decides
        if (!session || session.mustChangePassword || session.userId !== input.userId) return refuse();
        await refresh();
      };
      const unsubscribe = subscribeToCampaignActivity(input.campaignId, () => void refresh());
      const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      const checks = setInterval(() => void recheck(), input.recheckMs ?? RECHECK_MS);
      const lifetime = setTimeout(() => finish(), MAX_STREAM_MS);
      function finish() {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearInterval(checks);
        clearTimeout(lifetime);
        input.signal.removeEventListener("abort", finish);
        input.onClose?.();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
      stop = finish;
      input.signal.addEventListener("abort", finish);
      if (input.signal.aborted) return finish(); // the client left before the stream started: free its slot at once
      write(`retry: ${RETRY_MS}\n\n`);
      void refresh();
    },
    cancel() {
      stop();
    },
  });
}
