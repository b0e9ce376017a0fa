/**
 * The recorded shape of the answer path: what Chromium sent for each interaction of a pupil (arriving on the
 * question page, answering, continuing after a checkpoint, starting a timed question), per outcome, for one
 * build. Written by record.ts, replayed by replay.ts. Kept in .data/bench-answers/shape-<BUILD_ID>.json: a new
 * build is recorded again by the next run, so the bench follows the answer path when it changes.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ChoiceEncoding } from "./answer-form";
import { shapeFile } from "./settings";

export type Outcome = "question" | "timer" | "checkpoint" | "end" | "signed-in";
export type InteractionKind = "login" | "arrive" | "answer" | "continue" | "start-timer";

export type RecordedBody =
  | { kind: "multipart" | "urlencoded"; entries: [string, string][] }
  | { kind: "raw"; contentType: string; text: string };

export type RecordedRequest = {
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** Request headers as sent, without host, cookie, content-length and connection. */
  headers: [string, string][];
  body: RecordedBody | null;
  /** A prefetch: the browser does not wait for it before showing the next state. */
  isBackground: boolean;
  /** How the `_rsc` query is derived from the router headers (recomputed after substitution), if present. */
  cacheBusting: "sha256" | "legacy" | "as-recorded" | null;
  status: number;
};

export type RecordedInteraction = {
  kind: InteractionKind;
  outcome: Outcome;
  /** The campaign code and challenge id in the requests (replaced by each pupil's own). */
  code: string;
  challengeId: string | null;
  requests: RecordedRequest[];
  /** For an answer: the request that carries the form, the prefix of its form fields, its other entries. */
  submission: { index: number; prefix: string } | null;
  /** Body entries that carry a value from an earlier response of the interaction (a CSRF token). */
  correlations?: Correlation[];
};

export type Correlation = { request: number; entry: string; response: number; jsonKey: string };

export type Shape = {
  buildId: string;
  recordedAt: string;
  /** The start command the app was recorded with (package.json's start script). */
  startCommand: string;
  /** The address the app was recorded on (replaced by the bench's in URLs, headers and bodies). */
  origin: string;
  /** The login as the page sends it, with the recorder's login in it (replaced by each pupil's). */
  login: { interaction: RecordedInteraction; value: string };
  choiceEncoding: ChoiceEncoding;
  /** Text written just before a challenge id in the bodies (HTML and RSC): how the bench finds the next question. */
  anchors: string[];
  interactions: RecordedInteraction[];
};

export function currentBuildId(): string {
  return readFileSync(path.join(".next", "BUILD_ID"), "utf8").trim();
}

export function loadShape(buildId: string): Shape | null {
  const file = shapeFile(buildId);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Shape) : null;
}

/** The recorded interaction to replay for a kind and outcome (for an answer, the one of the state it led to). */
export function interactionFor(shape: Shape, kind: InteractionKind, outcome?: Outcome): RecordedInteraction {
  if (kind === "login") return shape.login.interaction;
  const candidates = shape.interactions.filter((i) => i.kind === kind);
  // The latest one: for answers, a form rendered on the client (the steady state), not the first page's.
  const exact = candidates.filter((i) => outcome === undefined || i.outcome === outcome).at(-1);
  const found = exact ?? candidates.filter((i) => i.outcome === "question").at(-1) ?? candidates.at(-1);
  if (!found) throw new Error(`Forme enregistrée incomplète : aucune interaction « ${kind} » (relancez npm run bench:answers:record)`);
  return found;
}
