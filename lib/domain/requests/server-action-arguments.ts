/**
 * Every server action of the app receives the submitted form as its last argument (after the previous state when
 * the form uses useActionState): that is what lets each form work without JavaScript. React's client sends the
 * arguments as a multipart body whose field "0" is a JSON array, the form being the reference "$K<id>".
 *
 * Anything else (no multipart, unreadable JSON, no form at the end) can only be handcrafted: Next would fail on it
 * with a 500, or hand our actions a value they never expect. The proxy answers 400 instead (see proxy.ts).
 */
export const MALFORMED_ACTION_MESSAGE = "Requête invalide : rechargez la page puis renvoyez le formulaire.";

const FORM_REFERENCE = /^\$K[0-9a-f]+$/;

/** Whether field "0" of the body describes (previous state?, form). */
export function isFormActionArguments(encoded: FormDataEntryValue | null): boolean {
  if (typeof encoded !== "string") return false;
  let args: unknown;
  try {
    args = JSON.parse(encoded);
  } catch {
    return false;
  }
  if (!Array.isArray(args) || args.length < 1 || args.length > 2) return false;
  const form = args[args.length - 1];
  return typeof form === "string" && FORM_REFERENCE.test(form);
}
