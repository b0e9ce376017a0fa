import "server-only";

import { env } from "../env";

/**
 * How many « Suivi en direct » streams one account may hold open at once in one process (LIVE_VIEW_STREAMS_PER_USER,
 * 6 by default). A teacher watching a session has the page open in a tab or two, maybe on the classroom computer, a
 * laptop and a phone, and may have two campaigns side by side: 6 covers that with room to spare. Beyond it the
 * connections are not a person's (a script, hundreds of tabs, a stolen session) and each would hold a socket, timers
 * and a read of the rows every 20 s for 30 minutes. The page, when refused, polls the JSON route and tries the stream
 * again 30 s later (use-live-view.ts). Per process on purpose: it bounds what one process holds, which is the resource
 * at stake; behind a load balancer with N processes one account holds at most N × 6 streams, still bounded.
 */
export function maxLiveViewStreamsPerUser(): number {
  return env().LIVE_VIEW_STREAMS_PER_USER;
}

export const LIVE_VIEW_STREAMS_REFUSAL = "Trop de suivis en direct ouverts avec ce compte : fermez un des onglets du suivi.";

const openStreams = new Map<number, number>();

/**
 * Takes one of the user's stream slots: the function that gives it back (idempotent: a stream may end by several
 * paths at once — client gone, revocation, end of life), or null when the user already holds the maximum.
 */
export function claimLiveViewSlot(userId: number, max = maxLiveViewStreamsPerUser()): (() => void) | null {
  const held = openStreams.get(userId) ?? 0;
  if (held >= max) return null;
  openStreams.set(userId, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (openStreams.get(userId) ?? 1) - 1;
    if (left > 0) openStreams.set(userId, left);
    else openStreams.delete(userId); // no entry left behind per user ever seen
  };
}

/** The streams a user holds in this process (tests and diagnostics). */
export function liveViewStreamsHeld(userId: number): number {
  return openStreams.get(userId) ?? 0;
}

export function liveViewStreamsRefused(): Response {
  return Response.json({ error: LIVE_VIEW_STREAMS_REFUSAL }, { status: 429, headers: { "cache-control": "no-store", "retry-after": "30" } });
}
