import { env } from "./env";

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
