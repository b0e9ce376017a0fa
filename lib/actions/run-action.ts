import "server-only";
import { ZodError } from "zod";
import { DomainError } from "../domain/shared/errors";
// Side effect: zod's messages without a French text of their own become French ones (see the file).
import "./french-form-messages";

export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Values typed by the user, given back on error so the form keeps them (never passwords). */
  values?: Record<string, string>;
};

/** The text values of a form, without secrets, to refill it after an error. */
export function keptValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !/password|code|token/i.test(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

export const initialActionState: ActionState = { ok: false };

/** A hidden field our pages always fill (an id, a choice) is missing or wrong: only a handcrafted request does that. */
export const MALFORMED_FORM_MESSAGE = "Le formulaire envoyé est incomplet ou invalide : rechargez la page et réessayez.";

/** Expected errors reach the user in French; anything else is logged and replaced by a generic message. */
export async function runAction(work: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      return error.field ? { ok: false, message: error.message, fieldErrors: { [error.field]: error.message } } : { ok: false, message: error.message };
    }
    // `.parse()` of fields the user never types: bad input, said in French, not an incident to log.
    if (error instanceof ZodError) return { ok: false, message: MALFORMED_FORM_MESSAGE };
    // next/navigation's redirect() and notFound() are thrown on purpose: let them through.
    if (error && typeof error === "object" && "digest" in error) throw error;
    console.error(error);
    return { ok: false, message: "Une erreur inattendue est survenue. Réessayez dans un instant." };
  }
}

/** French field errors from a zod result. */
export function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}
