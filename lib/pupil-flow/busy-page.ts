import { primaryButton, secondaryButton } from "../../components/ui/button-styles";
import { BUSY_MESSAGE } from "../domain/shared/errors";
import { frenchTypography } from "../domain/typography/french-typography";
import { ARRIVAL_FIELD } from "../server/arrival-proof";

/**
 * What a pupil without JavaScript sees when their answer (a plain form post to the question page) is refused past
 * capacity (issue 15, docs/adr/0013-lean-answer-path.md « 07/12 (16) »): by the answer gate of scripts/server.ts
 * (lib/server/answer-gate.ts) or by the database pool's deadline inside the route (BusyError). With JavaScript the
 * page's script sends the answer again by itself; without it, this page keeps the answer in a form that posts it
 * again exactly as it was sent (« Renvoyer ma réponse »), with the signed proof of its first arrival, so that a timed
 * answer is not made late by our overload (within the proof's life, lib/server/arrival-proof.ts). Nothing was
 * recorded, and answers are idempotent: a second click changes nothing.
 *
 * Plain markup without React: the gate writes it before Next.js, outside its bundle. Every piece of the request
 * echoed here (field names and values) goes through `escape`. No script, no inline style (the CSP stays the app's).
 */
export type BusyPage = {
  /** The question page's address the form was posted to (`/campagnes/CODE/evaluation`, no query). */
  action: string;
  /** The refused form's fields in their order (without a proof field); null when its body could not be kept. */
  form: URLSearchParams | null;
  /** The signed proof of the answer's first arrival, posted back as a hidden field; null when none could be made. */
  arrival: string | null;
  /** The app's stylesheets (lib/pupil-flow/stylesheets.ts), for its look. */
  stylesheets: readonly string[];
};

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;" };

/**
 * Text for an element or a double-quoted attribute (the only kind written here: an apostrophe cannot end one).
 * Carriage returns and line feeds as character references: the HTML parser would fold a literal CR LF into LF, and the
 * form would no longer be the one that was sent.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"\r\n\t]/g, (c) => ENTITIES[c]);
}

export const BUSY_PAGE_TITLE = "Trop de monde en même temps";
export const RESEND_LABEL = "Renvoyer ma réponse";
export const BACK_TO_QUESTION_LABEL = "Revenir à la question";
/** No answer kept (a body too big or unreadable): never say it was kept. */
export const BUSY_ANSWER_LOST = "Trop de monde en même temps : votre réponse n'a pas pu être gardée. Dans quelques secondes, revenez à la question et donnez-la de nouveau.";
const KEPT_HINT = "Elle est gardée sur cette page : dans quelques secondes, appuyez sur « Renvoyer ma réponse ». Pour la changer, revenez à la question.";
/** « Commencer » before a timed question: there is no answer yet, and its time has not started. */
const START_REFUSED = "Trop de monde en même temps : la question chronométrée n'a pas encore commencé, son temps ne court pas. Réessayez dans quelques secondes.";

/**
 * What « Renvoyer ma réponse » will send, in words (ADR 0013 « 07/12 (21) »): the pupil without JavaScript sees the
 * answer the page kept, not only hidden fields. Read as the answer path reads the form (answer-form.ts): « Je passe »,
 * the positions ticked in the order shown, or the typed fields (500 characters each). The pupil's own text is shown
 * as typed (never retouched by the typography), and escaped like everything the request brings.
 */
const SUMMARY_MAX = 500;
export function answerSummary(form: URLSearchParams): string | null {
  if (form.get("intent") === "start-timer") return null;
  const late = form.get("timedOut") === "1" ? " (temps écoulé)" : "";
  if (form.get("intent") === "skip") return `${escapeHtml(frenchTypography("Votre réponse : vous passez cette question"))}${late}.`;
  if (form.get("kind") === "choices") {
    const positions = form.getAll("choice").slice(0, 8).map((v) => Number(v)).filter((n) => Number.isInteger(n) && n > 0 && n < 100);
    if (positions.length === 0) return `${escapeHtml(frenchTypography("Votre réponse : aucune proposition cochée"))}${late}.`;
    const list = positions.length === 1 ? `la proposition n° ${positions[0]}` : `les propositions n° ${positions.slice(0, -1).join(", ")} et ${positions.at(-1)}`;
    return `${escapeHtml(frenchTypography(`Votre réponse : ${list}, dans l'ordre où elles sont affichées`))}${late}.`;
  }
  const typed = [...new Set(form.keys())].filter((k) => k.startsWith("field:")).map((k) => (form.get(k) ?? "").slice(0, SUMMARY_MAX)).filter((v) => v.trim() !== "");
  if (typed.length === 0) return `${escapeHtml(frenchTypography("Votre réponse : vide"))}${late}.`;
  return `${escapeHtml(frenchTypography("Votre réponse :"))} ${typed.map((v) => `«\u202f${escapeHtml(v)}\u202f»`).join(", ")}${late}.`;
}

export function busyPage(page: BusyPage): string {
  const isStart = page.form?.get("intent") === "start-timer";
  const hidden = page.form
    ? [...page.form.entries(), ...(page.arrival ? [[ARRIVAL_FIELD, page.arrival] as const] : [])].map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}"/>`).join("")
    : "";
  const action = escapeHtml(page.action);
  const message = !page.form ? BUSY_ANSWER_LOST : isStart ? START_REFUSED : BUSY_MESSAGE;
  const body = page.form
    ? `${isStart ? "" : `<p class="font-medium" data-answer-summary="">${answerSummary(page.form) ?? ""}</p><p class="text-slate-700">${escapeHtml(frenchTypography(KEPT_HINT))}</p>`}` +
      `<form method="post" action="${action}">${hidden}<button type="submit" class="${primaryButton}">${escapeHtml(isStart ? "Réessayer" : RESEND_LABEL)}</button></form>` +
      `<p><a href="${action}" class="font-semibold text-brand-700 underline">${BACK_TO_QUESTION_LABEL}</a></p>`
    : `<p><a href="${action}" class="${secondaryButton}">${BACK_TO_QUESTION_LABEL}</a></p>`;
  return shell(page.stylesheets, escapeHtml(frenchTypography(message)), body);
}

/**
 * The question page itself (a GET: its address loaded, a reload, the page after an answer) that could not be shown
 * past capacity (a BusyError while it was read: the end of a test waiting on the pupil's answer lock). No answer is
 * involved: it says so and offers to load the page again (review15e: it used to redirect to the landing page, which
 * sends a started test straight back — a loop).
 */
export const BUSY_SHOW_MESSAGE = "Trop de monde en même temps : la question n'a pas pu être affichée. Réessayez dans quelques secondes.";
export const RELOAD_LABEL = "Réessayer";

export function busyShowPage(page: { action: string; stylesheets: readonly string[] }): string {
  return shell(page.stylesheets, escapeHtml(frenchTypography(BUSY_SHOW_MESSAGE)), `<p><a href="${escapeHtml(page.action)}" class="${primaryButton}">${RELOAD_LABEL}</a></p>`);
}

function shell(stylesheets: readonly string[], message: string, body: string): string {
  return (
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"/>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"/>` +
    `<title>${BUSY_PAGE_TITLE} | Pix Libre</title>` +
    `<meta name="robots" content="noindex"/>` +
    `<link rel="icon" href="/icon.svg" type="image/svg+xml"/>` +
    stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}"/>`).join("") +
    `</head><body><main id="contenu" class="mx-auto max-w-5xl px-4 py-8">` +
    `<section class="mx-auto max-w-2xl space-y-5 rounded-2xl bg-white p-6 shadow-sm sm:p-8" aria-labelledby="titre-attente">` +
    `<h1 id="titre-attente" class="text-2xl font-bold">${BUSY_PAGE_TITLE}</h1>` +
    `<p role="alert" class="text-lg font-medium text-red-700">${message}</p>` +
    body +
    `</section></main></body></html>`
  );
}

/** Its response's own headers (the caller adds the security headers: next.config.ts and proxy.ts, or the gate's). */
export function busyPageHeaders(retryAfterSeconds: number): Record<string, string> {
  return { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": String(retryAfterSeconds) };
}
