import { z } from "zod";

type Issue = { code?: string; origin?: string; input?: unknown; format?: string; maximum?: unknown; minimum?: unknown };

/**
 * What a form check says when its schema gives no message of its own: a field the page always sends is missing, a
 * choice is outside the list, a number is not one… Only a handcrafted request (or a stale page) gets these, but
 * they are shown under the field: in French, never zod's English defaults.
 */
export function frenchFieldMessage(issue: Issue): string {
  const isText = issue.origin === "string";
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "Ce champ est obligatoire." : "Ce champ n'a pas le format attendu.";
    case "too_big":
      return isText ? `Ce champ ne doit pas dépasser ${String(issue.maximum)} caractères.` : `La valeur doit être au plus ${String(issue.maximum)}.`;
    case "too_small":
      if (isText) return Number(issue.minimum) <= 1 ? "Ce champ est obligatoire." : `Ce champ doit contenir au moins ${String(issue.minimum)} caractères.`;
      return `La valeur doit être au moins ${String(issue.minimum)}.`;
    case "invalid_format":
      return issue.format === "email" ? "L'adresse e-mail n'est pas valide." : "Ce champ n'a pas le format attendu.";
    case "invalid_value":
      return "Choisissez une des valeurs proposées.";
    default:
      return "Ce champ n'est pas valide.";
  }
}

// Every server action module imports this file (through run-action.ts): zod is configured before any form is parsed.
z.config({ localeError: frenchFieldMessage });
