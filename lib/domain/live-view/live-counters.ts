import type { PupilLiveState } from "./pupil-live-state";

/** The counters above the table (« commencé, en cours, terminé, envoyé, bloqué ») and the share of the class done. */
export type LiveCounters = {
  expected: number;
  started: number;
  inProgress: number;
  /** Finished the test (sent or not). */
  finished: number;
  sent: number;
  stuck: number;
  /** Finished ÷ expected, as a whole percentage (0 when nobody is expected). */
  percentDone: number;
};

export function liveCounters(lines: readonly PupilLiveState[]): LiveCounters {
  const count = (keep: (line: PupilLiveState) => boolean) => lines.filter(keep).length;
  const finished = count((l) => l.stage === "FINISHED_NOT_SENT" || l.stage === "SENT");
  return {
    expected: lines.length,
    started: count((l) => l.stage !== "NOT_STARTED"),
    inProgress: count((l) => l.stage === "QUESTION" || l.stage === "CHECKPOINT"),
    finished,
    sent: count((l) => l.stage === "SENT"),
    stuck: count((l) => l.stuckReasons.length > 0),
    percentDone: lines.length ? Math.floor((finished * 100) / lines.length) : 0,
  };
}

const COUNTER_WORDS: [keyof LiveCounters, string, string][] = [
  ["started", "commencé", "commencés"],
  ["inProgress", "en cours", "en cours"],
  ["finished", "terminé", "terminés"],
  ["sent", "envoyé", "envoyés"],
  ["stuck", "bloqué ?", "bloqués ?"],
];

/**
 * What the polite live region says after an update: only the counters that changed (one sentence, never one
 * announcement per pupil), or null when nothing a listener needs changed.
 */
export function countersChangeSummary(before: LiveCounters, after: LiveCounters): string | null {
  const parts = COUNTER_WORDS.filter(([key]) => before[key] !== after[key]).map(([key, one, many]) => `${after[key]} ${after[key] > 1 ? many : one}`);
  if (!parts.length) return null;
  return `${parts.join(", ")} sur ${after.expected}.`;
}
