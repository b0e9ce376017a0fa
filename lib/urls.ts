import { env } from "./env";
import { safeRedirectPath } from "./domain/navigation/safe-redirect";

/** Absolute URL of a teacher-space path ("/orga/…"), on ORGA_URL's host when one is configured. */
export function orgaUrl(path: string): string {
  const { ORGA_URL, APP_URL } = env();
  if (ORGA_URL) return new URL(path.replace(/^\/orga/, "") || "/", ORGA_URL).toString();
  return new URL(path, APP_URL).toString();
}

/** Absolute URL of a student-app path. */
export function appUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

/** A `retour` value kept only when it resolves to a path of the app itself (no open redirect). */
export function safeAppPath(value: string | string[] | undefined | null, fallback: string): string {
  // A query parameter given twice (`?retour=a&retour=b`) arrives as an array: ambiguous, so the fallback.
  return safeRedirectPath(typeof value === "string" ? value : null, fallback, env().APP_URL);
}
