import type { AnswerOutcome } from "../participations/answer-outcome";
import { CHECKPOINT_EVERY } from "../participations/checkpoint";

/** No answer for longer than this while the test is in progress: « bloqué ? ». */
export const STUCK_AFTER_MS = 4 * 60_000;
/**
 * Idle for longer than this, a pupil left an earlier session (yesterday's class): not « bloqué ? » in this one,
 * whatever their last answers were. The line still says where they stopped and since when.
 */
export const LEFT_EARLIER_SESSION_AFTER_MS = 2 * 3600_000;
/** Skips in a row (« Je passe ») that flag a pupil. */
export const STUCK_SKIPS_IN_A_ROW = 3;
/** Timed-out answers in the test that flag a pupil. */
export const STUCK_TIMED_OUT = 3;

/** What the database says about one expected pupil (a roster pupil who has not joined has no participation). */
export type PupilActivity = {
  /** Stable key of the line: `l<learnerId>` for a roster pupil, `p<participationId>` for a participant outside the roster. */
  key: string;
  lastName: string;
  firstName: string;
  division: string | null;
  participationStatus: "STARTED" | "TO_SHARE" | "SHARED" | null;
  assessmentState: "STARTED" | "COMPLETED" | "ABORTED" | null;
  answersCount: number;
  /** When the participation started (null: not joined). */
  startedAt: Date | null;
  lastAnswerAt: Date | null;
  /** The latest answers' results, the most recent first (at least the last STUCK_SKIPS_IN_A_ROW). */
  recentResults: AnswerOutcome[];
  timedOutCount: number;
};

export type PupilStage = "NOT_STARTED" | "QUESTION" | "CHECKPOINT" | "FINISHED_NOT_SENT" | "SENT";
export type StuckReason = "NO_ANSWER" | "SKIPS" | "TIMED_OUT";

export type PupilLiveState = {
  key: string;
  lastName: string;
  firstName: string;
  division: string | null;
  stage: PupilStage;
  /** Question being answered (1-based), for QUESTION and CHECKPOINT (the question after the checkpoint). */
  questionNumber: number | null;
  answersCount: number;
  /** Milliseconds since the last answer (or since the start when nothing was answered yet), on the server's clock. */
  idleMs: number | null;
  stuckReasons: StuckReason[];
};

export const STAGE_LABELS: Record<PupilStage, string> = {
  NOT_STARTED: "Pas commencé",
  QUESTION: "En cours",
  CHECKPOINT: "Point d'étape",
  FINISHED_NOT_SENT: "Terminé, pas envoyé",
  SENT: "Résultats envoyés",
};

export const STUCK_REASON_LABELS: Record<StuckReason, string> = {
  NO_ANSWER: "aucune réponse depuis plus de 4 min",
  SKIPS: "3 « Je passe » de suite",
  TIMED_OUT: "3 réponses hors temps",
};

function stageOf(a: PupilActivity): PupilStage {
  if (a.participationStatus === null) return "NOT_STARTED";
  if (a.participationStatus === "SHARED") return "SENT";
  // TO_SHARE, or an assessment already completed whose participation is being moved on: the test is over.
  if (a.participationStatus === "TO_SHARE" || a.assessmentState === "COMPLETED") return "FINISHED_NOT_SENT";
  // After every fifth answer the pupil is shown « Avancement » until the next question is answered; the rows do not
  // say whether the pupil already clicked on, so the line says checkpoint until the next answer.
  if (a.answersCount > 0 && a.answersCount % CHECKPOINT_EVERY === 0) return "CHECKPOINT";
  return "QUESTION";
}

/** The line of the table for one pupil, at `now` (the server's clock). */
export function pupilLiveState(activity: PupilActivity, now: Date): PupilLiveState {
  const stage = stageOf(activity);
  const inProgress = stage === "QUESTION" || stage === "CHECKPOINT";
  const since = activity.lastAnswerAt ?? activity.startedAt;
  const idleMs = since ? Math.max(0, now.getTime() - since.getTime()) : null;
  const stuckReasons: StuckReason[] = [];
  if (inProgress && (idleMs === null || idleMs <= LEFT_EARLIER_SESSION_AFTER_MS)) {
    if (idleMs !== null && idleMs > STUCK_AFTER_MS) stuckReasons.push("NO_ANSWER");
    const lastSkips = activity.recentResults.slice(0, STUCK_SKIPS_IN_A_ROW);
    if (lastSkips.length === STUCK_SKIPS_IN_A_ROW && lastSkips.every((r) => r === "ABAND")) stuckReasons.push("SKIPS");
    if (activity.timedOutCount >= STUCK_TIMED_OUT) stuckReasons.push("TIMED_OUT");
  }
  return {
    key: activity.key,
    lastName: activity.lastName,
    firstName: activity.firstName,
    division: activity.division,
    stage,
    questionNumber: inProgress ? activity.answersCount + 1 : null,
    answersCount: activity.answersCount,
    idleMs: stage === "NOT_STARTED" ? null : idleMs,
    stuckReasons,
  };
}
