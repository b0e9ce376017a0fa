"use client";

import { createContext, Fragment, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { answerAction, type AnswerActionState, type FlowScreen } from "@/lib/actions/answer-action";
import { MAX_ANSWER_ATTEMPTS, retryDelayMs } from "@/lib/domain/participations/retry-delay";
import { BUSY_MESSAGE } from "@/lib/domain/shared/errors";

type Flow = {
  /** Sends an answer (retrying by itself while the server is busy) and shows what comes back. */
  answer: (data: FormData, onBusy: (message: string) => void) => Promise<AnswerActionState>;
  /** « Continuer » after a checkpoint: shows the question that came with it; false if there is none (load the page). */
  continueToNext: () => boolean;
};

const FlowContext = createContext<Flow | null>(null);

/** The flow around the question form, or null (e.g. the checkpoint page loaded on its own). */
export function useAnswerFlow(): Flow | null {
  return useContext(FlowContext);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The test without page loads: each answer's result brings the next screen (rendered on the server), swapped in
 * here. Keeps what a page load gives for free: the address follows (a reload shows the same screen), focus moves to
 * the new heading, and a polite live region says where the pupil is. Without JavaScript none of this runs and the
 * forms post as plain forms.
 */
export function AnswerFlow({ children }: { children: React.ReactNode }) {
  const [screen, setScreen] = useState<{ key: number; panel: React.ReactNode } | null>(null);
  const [announce, setAnnounce] = useState("");
  const after = useRef<FlowScreen | null>(null);
  const region = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(false);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    region.current?.querySelector<HTMLElement>("h1")?.focus();
  }, [screen]);

  const show = useCallback((next: FlowScreen) => {
    setScreen((previous) => ({ key: (previous?.key ?? 0) + 1, panel: next.panel }));
    setAnnounce(next.announce);
    moveFocus.current = true;
    if (`${window.location.pathname}${window.location.search}` !== next.path) window.history.replaceState(null, "", next.path);
  }, []);

  const flow = useMemo<Flow>(
    () => ({
      answer: async (data, onBusy) => {
        let result: AnswerActionState | null = null;
        for (let attempt = 0; attempt < MAX_ANSWER_ATTEMPTS; attempt++) {
          try {
            result = await answerAction({ ok: false }, data);
          } catch {
            // A dropped connection, a 502/503 from a proxy, a restarting server: answers are idempotent, try again.
            result = { ok: false, message: BUSY_MESSAGE, retryAfterSeconds: 1 };
          }
          if (result.retryAfterSeconds === undefined) break;
          onBusy(result.message ?? BUSY_MESSAGE);
          if (attempt < MAX_ANSWER_ATTEMPTS - 1) await sleep(retryDelayMs(attempt, result.retryAfterSeconds));
        }
        if (!result) return { ok: false, message: BUSY_MESSAGE };
        if (result.goTo) window.location.assign(result.goTo);
        else if (result.show) {
          after.current = result.after ?? null;
          show(result.show);
        }
        return result;
      },
      continueToNext: () => {
        const next = after.current;
        if (!next) return false;
        after.current = null;
        show(next);
        return true;
      },
    }),
    [show],
  );

  return (
    <FlowContext.Provider value={flow}>
      <div ref={region}>{screen ? <Fragment key={screen.key}>{screen.panel}</Fragment> : children}</div>
      <p aria-live="polite" className="sr-only">{announce}</p>
    </FlowContext.Provider>
  );
}

/** « Continuer » after a checkpoint: the next question is already here when the answer brought it, else a plain link. */
export function ContinueLink({ href, className, children }: { href: string; className?: string; children: React.ReactNode }) {
  const flow = useAnswerFlow();
  return (
    <a
      href={href}
      className={className}
      onClick={(event) => {
        if (flow?.continueToNext()) event.preventDefault();
      }}
    >
      {children}
    </a>
  );
}
