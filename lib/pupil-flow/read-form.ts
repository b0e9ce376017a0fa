/** Larger than any answer (eight ticks, a few fields of 500 characters); a bigger body is not ours. */
export const MAX_FORM_BYTES = 64 * 1024;

/** The message of a POST to the question page whose form is not one of ours (wrong type, too big, unreadable). */
export const INVALID_FORM_MESSAGE = "Le formulaire envoyé est incomplet ou invalide : rechargez la page et réessayez.";

/**
 * The url-encoded form of a POST from its raw text (null: not read because announced too big, or unreadable), or null
 * if of another type or too big. Shared by the route handler and the answer's fast path (lib/server/answer-fast-path.ts).
 */
export function formFromText(contentType: string | null, text: string | null): URLSearchParams | null {
  if (!(contentType ?? "").startsWith("application/x-www-form-urlencoded")) return null;
  if (text === null || text.length > MAX_FORM_BYTES) return null;
  return new URLSearchParams(text);
}

/** The raw text of a request's body, or null when it announces more than MAX_FORM_BYTES or cannot be read. */
export async function readFormText(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_FORM_BYTES) return null;
  return request.text().catch(() => null);
}

/** The url-encoded form of a POST (the question page's forms, and its script), or null if too big or of another type. */
export async function readUrlEncodedForm(request: Request): Promise<URLSearchParams | null> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) return null;
  return formFromText(request.headers.get("content-type"), await readFormText(request));
}
