/**
 * What the pupil sees after a response, read from its body (HTML of a page, or the RSC payload of a
 * navigation or of a server action): the next question (its challenge id, found after one of the anchors the
 * recorder learnt), the timed question's warning, a checkpoint, the end of the test, or an error message.
 * The words are the UI's words (the seed's); the recorder checks this reading against what Chromium shows.
 */

export type PageState =
  | { kind: "question"; challengeId: string }
  | { kind: "timer"; challengeId: string }
  /** `next`: the question that came with the checkpoint (the lean answer path), shown by « Continuer » without a request. */
  | { kind: "checkpoint"; next?: { kind: "question" | "timer"; challengeId: string } }
  | { kind: "end" }
  /** `retryAfterSeconds`: a refusal for load's hint (its Retry-After header), which the page's script waits on. */
  | { kind: "error"; message: string; retryAfterSeconds?: number }
  | { kind: "unknown" };

const CHALLENGE_ID = "([a-z0-9][a-z0-9-]*)";
const TIMER_FORM_ANCHORS = ['"name":"challengeId","value":"', 'name="challengeId" value="'];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every challenge id written right after one of the anchors. */
export function challengeIdsAfter(body: string, anchor: string): string[] {
  return [...body.matchAll(new RegExp(escape(anchor) + CHALLENGE_ID, "g"))].map((m) => m[1]);
}

function challengeIdIn(body: string, anchors: string[]): string | null {
  for (const anchor of anchors) {
    const ids = challengeIdsAfter(body, anchor);
    if (ids.length > 0) return ids[ids.length - 1];
  }
  return null;
}

/** The messages the app shows in a form's alert (server action results, RSC or HTML). */
function errorMessage(body: string): string | null {
  const match = /"message":"((?:[^"\\]|\\.)*)"/.exec(body);
  if (match) return JSON.parse(`"${match[1]}"`);
  if (/Une erreur inattendue est survenue/.test(body)) return "Une erreur inattendue est survenue.";
  if (/Trop de monde en même temps/.test(body)) return "Trop de monde en même temps";
  return null;
}

export function readPageState(body: string, anchors: string[]): PageState {
  const isTimerWarning = /Question chronométrée/.test(body) && /Commencer/.test(body);
  // The timed question's warning carries its id only in its « Commencer » form's hidden field (HTML or RSC), which a
  // recording may never have seen in an answer's response (the recorder reaches its timed question by a page load).
  const challengeId = challengeIdIn(body, anchors) ?? (isTimerWarning ? challengeIdIn(body, TIMER_FORM_ANCHORS) : null);
  // The end of the test first: its list of answers may quote a question whose words hold « Continuer » (« Continuer
  // sans accepter »), which read as a checkpoint with nothing after it — 1 cycle in ~3,000 counted as an error.
  if (!challengeId && /Voir mes résultats/.test(body) && /Fin de votre évaluation/.test(body)) return { kind: "end" };
  // A checkpoint's own words (its list of answers); a question after it in the same body is the one « Continuer » shows.
  if (/Réponses et tutos/.test(body) && /Continuer/.test(body)) {
    return challengeId ? { kind: "checkpoint", next: { kind: isTimerWarning ? "timer" : "question", challengeId } } : { kind: "checkpoint" };
  }
  if (isTimerWarning && challengeId) return { kind: "timer", challengeId };
  if (challengeId) return { kind: "question", challengeId };
  if (/Voir mes résultats/.test(body) && /Fin de votre évaluation/.test(body)) return { kind: "end" };
  if (/Continuer/.test(body) && /Avancement/.test(body)) return { kind: "checkpoint" };
  const message = errorMessage(body);
  if (message) return { kind: "error", message };
  return { kind: "unknown" };
}

/**
 * Anchors for a challenge id seen in a recorded body: the text just before each occurrence (at most 18
 * characters, and never reaching back into the campaign code, which changes from pupil to pupil).
 */
export function anchorsAround(body: string, challengeId: string, code: string): string[] {
  const anchors = new Set<string>();
  for (let at = body.indexOf(challengeId); at >= 0; at = body.indexOf(challengeId, at + 1)) {
    let left = body.slice(Math.max(0, at - 18), at);
    const codeAt = left.lastIndexOf(code.slice(-3));
    if (codeAt >= 0) left = left.slice(codeAt + 3);
    if (left.length >= 8 && !/[a-z0-9-]$/.test(left)) anchors.add(left);
  }
  return [...anchors];
}
