"use client";

import { useEffect, useRef, useState } from "react";
import { countersChangeSummary, type LiveCounters } from "@/lib/domain/live-view/live-counters";
import type { LiveViewSnapshot } from "@/lib/use-cases/live-view/read-live-view";

/** Polling period when the event stream cannot get through (a proxy that buffers, an old browser). */
const POLL_MS = 5_000;
/** Without a first event this long after opening the stream, the page polls meanwhile. */
const STREAM_PATIENCE_MS = 5_000;
/** After the stream was refused or closed for good, another try this much later (the polling goes on meanwhile). */
const REOPEN_MS = 30_000;
/** The live region speaks at most this often (a class of 30 answering would otherwise talk without a break). */
const ANNOUNCE_EVERY_MS = 10_000;

/** "instantane": what the server rendered, before any update (and for good without JavaScript). */
export type LiveMode = "instantane" | "direct" | "reconnexion" | "interrogation" | "ferme";

/**
 * The snapshot of « Suivi en direct » kept fresh: server-sent events first, polling of the JSON route when they do not
 * get through, a stop when the server says the access is gone. `receivedAt` is the device's monotonic clock when the
 * snapshot arrived: the page adds the time elapsed since to the server's « depuis », never the device's own date.
 */
export function useLiveView(initial: LiveViewSnapshot, campaignId: number, division: string | null) {
  const [snapshot, setSnapshot] = useState(initial);
  const [receivedAt, setReceivedAt] = useState<number | null>(null);
  const [mode, setMode] = useState<LiveMode>("instantane");
  const [closedMessage, setClosedMessage] = useState<string | null>(null);

  useEffect(() => {
    const query = division ? `?classe=${encodeURIComponent(division)}` : "";
    let source: EventSource | null = null;
    let pollTimer: ReturnType<typeof setInterval> | null = null;
    let patienceTimer: ReturnType<typeof setTimeout> | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const apply = (next: LiveViewSnapshot) => {
      if (stopped) return;
      setSnapshot(next);
      setReceivedAt(performance.now());
    };
    const stopPolling = () => {
      if (pollTimer) clearInterval(pollTimer);
      pollTimer = null;
    };
    const stopAll = (message: string) => {
      stopped = true;
      source?.close();
      stopPolling();
      for (const timer of [patienceTimer, reopenTimer]) if (timer) clearTimeout(timer);
      setMode("ferme");
      setClosedMessage(message);
    };
    const poll = async () => {
      try {
        const response = await fetch(`/api/campagnes/${campaignId}/suivi${query}`, { cache: "no-store", headers: { accept: "application/json" } });
        if (response.status === 404) return stopAll("Vous n'avez plus accès à cette campagne : rechargez la page pour vous reconnecter.");
        if (response.ok) apply((await response.json()) as LiveViewSnapshot);
      } catch {
        // Offline: the next poll (or the stream) catches up.
      }
    };
    const startPolling = () => {
      if (pollTimer || stopped) return;
      setMode("interrogation");
      void poll();
      pollTimer = setInterval(() => void poll(), POLL_MS);
    };
    // Polls if no snapshot came by then; never pushed back by the stream's repeated errors (each retry fails again).
    const beImpatient = () => {
      if (patienceTimer || pollTimer) return;
      patienceTimer = setTimeout(() => {
        patienceTimer = null;
        startPolling();
      }, STREAM_PATIENCE_MS);
    };
    const open = () => {
      if (stopped) return;
      source = new EventSource(`/api/campagnes/${campaignId}/suivi/flux${query}`);
      beImpatient();
      source.addEventListener("etat", (event) => {
        if (patienceTimer) clearTimeout(patienceTimer);
        patienceTimer = null;
        stopPolling();
        setMode("direct");
        apply(JSON.parse((event as MessageEvent<string>).data) as LiveViewSnapshot);
      });
      source.addEventListener("acces", (event) => stopAll((JSON.parse((event as MessageEvent<string>).data) as { message: string }).message));
      source.onerror = () => {
        if (stopped || !source) return;
        if (source.readyState === EventSource.CLOSED) {
          // Refused (an error status: 404, or 429 past the streams per account) or a proxy in the way: poll, and try the
          // stream again later.
          startPolling();
          if (!reopenTimer) reopenTimer = setTimeout(() => {
            reopenTimer = null;
            open();
          }, REOPEN_MS);
        } else {
          // The browser reconnects by itself; meanwhile the page polls if that takes long.
          setMode((current) => (current === "interrogation" ? current : "reconnexion"));
          beImpatient();
        }
      };
    };
    if (typeof EventSource === "undefined") startPolling();
    else open();
    return () => {
      stopped = true;
      source?.close();
      stopPolling();
      for (const timer of [patienceTimer, reopenTimer]) if (timer) clearTimeout(timer);
    };
  }, [campaignId, division]);

  return { snapshot, receivedAt, mode, closedMessage };
}

/** The polite live region's text: the counters that changed since the last announcement, at most every 10 s. */
export function useCountersAnnouncement(counters: LiveCounters): string {
  const [announcement, setAnnouncement] = useState("");
  const announced = useRef(counters);
  const latest = useRef(counters);
  const lastAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = counters;
    const speak = () => {
      timer.current = null;
      const summary = countersChangeSummary(announced.current, latest.current);
      if (!summary) return;
      announced.current = latest.current;
      lastAt.current = Date.now();
      setAnnouncement(summary);
    };
    if (timer.current) return;
    const wait = lastAt.current + ANNOUNCE_EVERY_MS - Date.now();
    if (wait <= 0) speak();
    else timer.current = setTimeout(speak, wait);
  }, [counters]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return announcement;
}

/** Re-renders every few seconds so that « il y a … » moves on between updates. */
export function useTick(everyMs: number): number {
  const [now, setNow] = useState(() => (typeof performance === "undefined" ? 0 : performance.now()));
  useEffect(() => {
    const id = setInterval(() => setNow(performance.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
