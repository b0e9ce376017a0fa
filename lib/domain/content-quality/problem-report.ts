import { DomainError } from "../shared/errors";

/**
 * « Signaler un problème » under a question: what a pupil may say about it. The categories are the ones the
 * question page offers; the comment is optional and short (a report, not a conversation).
 */
export const PROBLEM_CATEGORIES = {
  CONSIGNE: "La consigne n'est pas claire",
  REPONSE: "La réponse attendue me semble fausse",
  MEDIA: "L'image ou le fichier ne s'affiche pas",
  AUTRE: "Autre",
} as const;

export type ProblemCategory = keyof typeof PROBLEM_CATEGORIES;
export const COMMENT_MAX_LENGTH = 500;

export type ProblemReportInput = { assessmentId: number; challengeId: string; category: ProblemCategory; comment: string | null };

const isCategory = (value: string): value is ProblemCategory => Object.hasOwn(PROBLEM_CATEGORIES, value);

/** The form's fields, checked: a clear French message for each mistake, nothing stored. */
export function parseProblemReport(raw: { assessmentId: unknown; challengeId: unknown; category: unknown; comment: unknown }): ProblemReportInput {
  const assessmentId = Number(raw.assessmentId);
  const challengeId = typeof raw.challengeId === "string" ? raw.challengeId : "";
  if (!Number.isSafeInteger(assessmentId) || assessmentId <= 0 || !/^[a-z0-9][a-z0-9-]{0,99}$/.test(challengeId)) {
    throw new DomainError("NOT_ASKED", "Cette question ne fait pas partie de votre parcours : rechargez la page.");
  }
  const category = typeof raw.category === "string" ? raw.category : "";
  if (!isCategory(category)) throw new DomainError("CATEGORY", "Choisissez le problème rencontré.", "category");
  // Line breaks typed in a textarea arrive as \r\n: count them as the pupil sees them (one character).
  const comment = typeof raw.comment === "string" ? raw.comment.replace(/\r\n/g, "\n").trim() : "";
  if ([...comment].length > COMMENT_MAX_LENGTH) {
    throw new DomainError("COMMENT_TOO_LONG", `Le commentaire ne doit pas dépasser ${COMMENT_MAX_LENGTH} caractères (il en compte ${[...comment].length}).`, "comment");
  }
  return { assessmentId, challengeId, category, comment: comment === "" ? null : comment };
}

/** The status the question page shows after a report sent without JavaScript (`?signalement=`), and its words. */
export const REPORT_STATUS_MESSAGES: Record<string, { ok: boolean; message: string }> = {
  envoye: { ok: true, message: "Merci, votre signalement a été envoyé. Vous pouvez continuer à répondre à la question." },
  categorie: { ok: false, message: "Choisissez le problème rencontré." },
  "trop-long": { ok: false, message: `Le commentaire ne doit pas dépasser ${COMMENT_MAX_LENGTH} caractères.` },
  limite: { ok: false, message: "Vous avez envoyé beaucoup de signalements : réessayez un peu plus tard." },
  erreur: { ok: false, message: "Le signalement n'a pas pu être envoyé. Réessayez dans un instant." },
};

/** The status word for an error code (the no-JavaScript redirect carries it, never the message itself). */
export function reportStatusFor(code: string): string {
  return code === "CATEGORY" ? "categorie" : code === "COMMENT_TOO_LONG" ? "trop-long" : code === "RATE_LIMITED" ? "limite" : "erreur";
}
